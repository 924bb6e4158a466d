// Repbook's own small script. Pages work without it; it adds conveniences only.
"use strict";
document.documentElement.classList.add("js");
document.addEventListener("click", (event) => {
  const target = event.target.closest("[data-confirm]");
  if (target && !window.confirm(target.dataset.confirm)) {
    event.preventDefault();
  }
});
