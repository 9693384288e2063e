/* SmartCV pages: small progressive enhancements. Every flow also works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function csrf(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  /* CV upload: drag-and-drop onto the form, one request per file with its own progress bar;
     each answer is the new table row, which then polls its status (htmx) until it is done. */
  function setupUpload(form) {
    var input = form.querySelector("input[type=file]");
    var list = form.querySelector(".upload-progress");
    var rows = document.getElementById("candidate-rows");
    if (!input || !list || !rows || !window.FormData) return;

    /* One file at a time: each gets its own bar, and the server is not flooded. */
    var queue = [];
    var busy = false;
    function next() {
      if (busy || !queue.length) return;
      busy = true;
      send(queue.shift(), function () { busy = false; next(); });
    }

    /* A progress row for a file, shown as soon as it is queued. */
    function track(file) {
      var item = document.createElement("li");
      var label = document.createElement("span");
      label.textContent = file.name;
      var bar = document.createElement("progress");
      bar.max = 100; bar.value = 0;
      bar.setAttribute("aria-label", "Upload of " + file.name);
      var state = document.createElement("span");
      state.className = "state";
      state.textContent = "waiting";
      item.append(label, bar, state);
      list.appendChild(item);
      return { file: file, item: item, bar: bar, state: state };
    }

    function send(job, done) {
      var file = job.file, item = job.item, bar = job.bar, state = job.state;
      state.textContent = "uploading";
      var data = new FormData();
      data.append("files", file);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-CSRFToken", csrf(form));
      xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
      };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          bar.value = 100;
          state.textContent = "uploaded";
          var count = document.getElementById("candidate-count");
          if (count) {
            var n = (parseInt(count.textContent, 10) || 0) + 1;
            count.textContent = n + (n === 1 ? " candidate" : " candidates");
          }
          var empty = rows.querySelector("tr.empty");
          if (empty) empty.remove();
          var holder = document.createElement("tbody");
          holder.innerHTML = xhr.responseText;
          Array.prototype.slice.call(holder.children).reverse().forEach(function (row) {
            rows.insertBefore(row, rows.firstChild);
            if (window.htmx) window.htmx.process(row);
          });
        } else {
          item.classList.add("failed");
          state.textContent = "failed: " + (xhr.responseText || xhr.statusText);
        }
      };
      xhr.onerror = function () { item.classList.add("failed"); state.textContent = "failed: network error"; };
      xhr.onloadend = done;
      xhr.send(data);
    }

    function sendAll(files) {
      Array.prototype.forEach.call(files, function (file) { queue.push(track(file)); });
      next();
    }

    form.addEventListener("submit", function (e) {
      if (!input.files.length) return;
      e.preventDefault();
      sendAll(input.files);
      input.value = "";
    });
    ["dragenter", "dragover"].forEach(function (name) {
      form.addEventListener(name, function (e) { e.preventDefault(); form.classList.add("dragging"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      form.addEventListener(name, function () { form.classList.remove("dragging"); });
    });
    form.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) sendAll(e.dataTransfer.files);
    });
  }

  /* Weighted skills: "Add skill" appends an empty row from the formset's template. */
  function setupFormset(set) {
    var button = set.querySelector("[data-add-row]");
    var template = set.querySelector("template.empty-row");
    var total = set.querySelector("input[name$='-TOTAL_FORMS']");
    var rows = set.querySelector(".skill-rows");
    if (!button || !template || !total || !rows) return;
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      rows.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var first = rows.lastElementChild.querySelector("input");
      if (first) first.focus();
    });
  }

  /* A same-origin frame (the shared resume) as tall as its page, so it does not scroll inside
     the page; followed when the page inside reflows (window resized, fonts loaded). */
  function setupFitContent(frame) {
    var observer = null;
    function fit() {
      var doc;
      try { doc = frame.contentDocument; } catch (e) { return; }
      if (!doc || !doc.documentElement) return;
      var height = Math.ceil(doc.documentElement.getBoundingClientRect().height);
      var border = frame.offsetHeight - frame.clientHeight;  /* box-sizing: border-box */
      if (height > 0) frame.style.height = height + border + "px";
    }
    function attach() {
      fit();
      if (observer) observer.disconnect();
      var doc = frame.contentDocument;
      if (window.ResizeObserver && doc && doc.documentElement) {
        observer = new ResizeObserver(fit);
        observer.observe(doc.documentElement);
      }
    }
    frame.addEventListener("load", attach);
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") attach();
  }

  /* Candidate list: "select all" and the count of ticked rows in the bar above the table;
     the buttons wait for a first tick. Rows added later (uploads, polling) are counted too. */
  function setupBatchSelect(form) {
    var all = form.querySelector("[data-select-all]");
    var count = form.querySelector(".batch-count");
    var buttons = form.querySelectorAll(".batch-bar button[type=submit]");
    function boxes() {
      return Array.prototype.slice.call(document.querySelectorAll("input[name=candidates][form='" + form.id + "']"));
    }
    function update() {
      var list = boxes();
      var ticked = list.filter(function (box) { return box.checked; }).length;
      if (count) count.textContent = ticked ? ticked + " selected" : "Tick parsed candidates";
      buttons.forEach(function (button) { button.disabled = ticked === 0; });
      if (all) {
        all.checked = ticked > 0 && ticked === list.length;
        all.indeterminate = ticked > 0 && ticked < list.length;
        all.disabled = list.length === 0;
      }
    }
    if (all) {
      all.addEventListener("change", function () {
        boxes().forEach(function (box) { box.checked = all.checked; });
        update();
      });
    }
    document.addEventListener("change", function (e) {
      if (e.target.matches && e.target.matches("input[name=candidates]")) update();
    });
    document.body.addEventListener("htmx:afterSwap", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("iframe[data-fit-content]").forEach(setupFitContent);
    document.querySelectorAll("form[data-batch-select]").forEach(setupBatchSelect);
    document.querySelectorAll("form[data-upload]").forEach(setupUpload);
    document.querySelectorAll("[data-formset]").forEach(setupFormset);
  });
})();
