// Live reload for `outreach serve`. Served only by the preview server and
// added only to the pages it serves; never part of a built site.
(() => {
  const key = "outreach-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.scrollTo(0, Number(saved));
  }
  let overlay = null;
  const show = (text) => {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "outreach-problems";
      overlay.setAttribute("role", "alert");
      overlay.dir = "ltr";
      Object.assign(overlay.style, {
        position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
        margin: "0", padding: "1.5rem", background: "#141414",
        color: "#fff", font: "14px/1.5 monospace", whiteSpace: "pre-wrap",
      });
      document.body.append(overlay);
    }
    overlay.textContent = "The last change could not be built. The page shows the last version that worked.\n\n" + text;
  };
  const events = new EventSource("/_outreach/events");
  // Lets tests (and the curious) see that the page is listening.
  events.addEventListener("open", () => { document.documentElement.dataset.outreachLive = "on"; });
  events.addEventListener("reload", () => {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
  events.addEventListener("problems", (event) => show(event.data));
})();
