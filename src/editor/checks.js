// outreach's own checks, run by the editor before it saves a page. The
// editor checks the fields of the default language only; these are the
// build's rules for every language, so that the editor does not save
// what `outreach build` would reject without the author hearing it.
// `AUDIO_EXTENSIONS` is written above this file by `outreach editor`.
(function () {
  if (!window.CMS || typeof window.CMS.registerEventListener !== "function") return;

  function blank(value) {
    return value === undefined || value === null || String(value).trim() === "";
  }

  function problems(data, language) {
    const found = [];
    const where = language ? `In the ${language} text: ` : "";
    const filled = Object.keys(data).some((key) => key !== "source_hash" && !blank(data[key]));
    if (!filled) return found;
    if (blank(data.title)) {
      found.push(`${where}the title is empty. Write a title, or leave every field of this language empty to save no text in it.`);
    }
    if (!blank(data.audio)) {
      const name = String(data.audio).trim();
      const extension = name.includes(".") ? name.split(".").pop().toLowerCase() : "";
      if (/[\/\\\s]/.test(name) || !AUDIO_EXTENSIONS.includes(extension)) {
        found.push(`${where}"${name}" is not the file name of a recording (such as reading.mp3, without folders).`);
      }
    }
    if (!blank(data.cover_image) && data.cover_alt === undefined) {
      found.push(`${where}the cover picture needs a description of what it shows (or "" if it only decorates).`);
    }
    return found;
  }

  window.CMS.registerEventListener({
    name: "preSave",
    handler: ({ entry }) => {
      const value = entry.toJS();
      let found = problems(value.data || {}, "");
      for (const [language, translation] of Object.entries(value.i18n || {})) {
        found = found.concat(problems((translation && translation.data) || {}, language));
      }
      if (found.length > 0) {
        throw new Error(`Not saved. ${found.join(" ")}`);
      }
      return undefined;
    },
  });
})();
