/** Windows builds, tags and compatibility facts, loaded from knowledge/compat. */
export interface CompatData {
  builds: unknown[];
  rules: unknown[];
}
