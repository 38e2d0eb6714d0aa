/** A troubleshooting decision tree, loaded from knowledge/trees. */
export interface Tree {
  id: string;
}
