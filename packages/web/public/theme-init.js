// Apply the stored colour theme before the first paint, so a dark-mode reader never sees a white
// flash. A file rather than an inline script: the server's Content-Security-Policy allows only 'self'.
try {
  var theme = localStorage.getItem("oars.theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // No storage (private mode): the system theme applies.
}
