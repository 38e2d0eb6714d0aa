// Ink imports react-devtools-core only when DEV=true; the release bundle never does that.
export default { initialize() {}, connectToDevTools() {} };
