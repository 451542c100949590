// Language chooser: sends a visitor to the language their browser asks
// for. Nothing is stored or sent. Without JavaScript the chooser is a list
// of links; links to it ending in #languages are not redirected.
function outreachPick(offered, wanted) {
  var norm = function (t) { return String(t || "").toLowerCase().replace(/_/g, "-"); };
  var have = offered.map(norm);
  var find = function (ok) {
    for (var m = 0; m < have.length; m++) if (ok(have[m], have[m].split("-"))) return offered[m];
    return null;
  };
  for (var i = 0; i < wanted.length; i++) {
    var parts = norm(wanted[i]).split("-");
    var lang = parts[0];
    if (!lang) continue;
    var script = parts.filter(function (p) { return p.length === 4; })[0];
    // Serbian without a script: Latin in Montenegro, Cyrillic elsewhere (CLDR).
    if (lang === "sr" && !script) script = parts.indexOf("me") > 0 ? "latn" : "cyrl";
    var best = find(function (h) { return h === parts.join("-"); })
      || find(function (h, p) { return p[0] === lang && (!script || p.indexOf(script) > 0); })
      || find(function (h, p) { return p[0] === lang; });
    if (best) return best;
  }
  return null;
}

if (typeof document !== "undefined" && !location.hash) {
  var links = document.querySelectorAll("#languages a[hreflang]");
  var tags = Array.prototype.map.call(links, function (a) { return a.getAttribute("hreflang"); });
  var best = outreachPick(tags, navigator.languages || [navigator.language]);
  if (best) location.replace(links[tags.indexOf(best)].href);
}
