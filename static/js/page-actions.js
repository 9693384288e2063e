/* What the pages used to do with inline handlers and style attributes, which the
   Content-Security-Policy (script-src 'self', style-src 'self') does not run:

   <form data-confirm="Delete this?">        asks before submitting
   <button data-copy="#element-id">          copies that input's value to the clipboard
   <span data-width="42">                    a bar 42% wide
   <span data-tag-color="#aabbcc">           sets --tag (the tag's colour) on the element

   Applied on load and to every piece of page htmx swaps in. Without this file the forms
   still submit (without the question), bars are empty and tags take the default colour. */
(function () {
  "use strict";

  function each(root, selector, fn) {
    if (root.matches && root.matches(selector)) fn(root);
    if (root.querySelectorAll) root.querySelectorAll(selector).forEach(fn);
  }

  function apply(root) {
    each(root, "[data-width]", function (el) {
      var value = parseFloat(el.getAttribute("data-width"));
      if (!isNaN(value)) el.style.width = Math.max(0, Math.min(100, value)) + "%";
    });
    each(root, "[data-tag-color]", function (el) {
      var color = el.getAttribute("data-tag-color");
      if (/^#[0-9a-fA-F]{3,8}$/.test(color)) el.style.setProperty("--tag", color);
    });
  }

  document.addEventListener("submit", function (e) {
    var form = e.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.getAttribute("data-confirm"))) e.preventDefault();
  }, true);

  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-copy]");
    if (!button) return;
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (source && navigator.clipboard) navigator.clipboard.writeText(source.value || source.textContent);
  });

  document.addEventListener("DOMContentLoaded", function () {
    apply(document);
    if (window.htmx) window.htmx.onLoad(apply);
  });
})();
