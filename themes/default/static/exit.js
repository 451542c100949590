// Quick exit. The "Leave this site" button, or the Shift key pressed three
// times, replaces this page with a neutral site: location.replace() keeps
// this page out of the Back button. Without JavaScript the button is a
// plain link. It does not erase the browser's history; the "Staying safe
// online" page says so.
(function () {
  var button = document.getElementById("quick-exit");
  if (!button) return;
  var leave = function (event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    window.location.replace(button.href);
  };
  button.addEventListener("click", leave);
  var presses = 0;
  var timer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    presses += 1;
    clearTimeout(timer);
    if (presses >= 3) return leave();
    timer = setTimeout(function () { presses = 0; }, 1000);
  });
})();
