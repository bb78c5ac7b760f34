/* Presentation view: one slide per screen, moved with the keyboard or the buttons; Esc leaves it, and the
   buttons say when there is no slide before or after (aria-disabled keeps the focus where it is).
   Without this script the page is a plain list of all slides (progressive enhancement). */
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll(".pb-slide"));
  var controls = document.querySelector(".pb-show__controls");
  var status = document.querySelector(".pb-show__status");
  if (!slides.length || !controls || !status) {
    return;
  }
  var current = 0;
  var NEXT = ["ArrowRight", "ArrowDown", "PageDown", " "];
  var PREVIOUS = ["ArrowLeft", "ArrowUp", "PageUp"];

  function titleOf(slide) {
    var heading = slide.querySelector("h1, h2");
    return heading ? heading.textContent : "";
  }

  function show(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (slide, position) {
      slide.hidden = position !== current;
    });
    var title = document.createElement("span");
    title.className = "pb-show__title";
    title.textContent = ": " + titleOf(slides[current]);
    status.textContent = "Dia " + (current + 1) + " van " + slides.length;
    status.appendChild(title);
    controls.querySelectorAll("[data-step]").forEach(function (button) {
      var step = Number(button.getAttribute("data-step"));
      var none = step < 0 ? current === 0 : current === slides.length - 1;
      button.setAttribute("aria-disabled", String(none));
    });
    if (window.history.replaceState) {
      window.history.replaceState(null, "", "#" + slides[current].id);
    }
  }

  function startIndex() {
    var target = document.getElementById(window.location.hash.slice(1));
    var index = slides.indexOf(target);
    return index < 0 ? 0 : index;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var onControl = event.target.closest && event.target.closest("button, a");
    if (event.key === " " && onControl) {
      return;
    }
    if (event.key === " " && event.shiftKey) {
      show(current - 1);
    } else if (NEXT.indexOf(event.key) >= 0) {
      show(current + 1);
    } else if (PREVIOUS.indexOf(event.key) >= 0) {
      show(current - 1);
    } else if (event.key === "Home") {
      show(0);
    } else if (event.key === "End") {
      show(slides.length - 1);
    } else if (event.key === "Escape") {
      window.location.href = controls.querySelector(".pb-show__exit").href;
    } else {
      return;
    }
    event.preventDefault();
  });

  controls.addEventListener("click", function (event) {
    var button = event.target.closest("[data-step]");
    if (button) {
      show(current + Number(button.getAttribute("data-step")));
    }
  });

  document.documentElement.classList.add("pb-show--slides");
  controls.hidden = false;
  show(startIndex());
}());
