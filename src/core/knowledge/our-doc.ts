/** The document id of the sections of topics of our own (written by us, with public sources). */
export const OUR_DOC = 'ours';
