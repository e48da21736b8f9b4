// The SignalR client, for pages with live parts (the feed, chat, notifications). A separate bundle so that pages
// without live parts do not download it: a view opts in with `ViewData[FrontEnd.LiveKey] = true` (see
// docs/developer-guide.md), and the layout then loads this file with `defer`, after app.js.
import * as signalR from '@microsoft/signalr';

window.signalR = signalR;
