// Every Markdown `message` field has a `messageHtml` beside it: the server
// renders messages, so browsers need no Markdown parser of their own.
export { renderMarkdown } from "../domain/markdown.js";

export const MESSAGE_HTML = "The message's Markdown rendered to safe HTML.";
