// Starts Pagefind's search box; the page works without it (see the <noscript> list).
window.addEventListener("DOMContentLoaded", function () {
  new PagefindUI({ element: "#search", showImages: false, resetStyles: false });
});
