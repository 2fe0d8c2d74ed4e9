// lagebild: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Article page: a highlighted stretch points at its statement/claim in the side list.
  function activate(ids) {
    document.querySelectorAll(".item.active, .hl.active").forEach(function (el) {
      el.classList.remove("active");
    });
    ids.forEach(function (id) {
      var item = document.getElementById(id);
      if (item) { item.classList.add("active"); }
    });
    if (ids.length) {
      var first = document.getElementById(ids[0]);
      if (first) { first.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
    }
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    var span = target && target.closest ? target.closest(".hl[data-ref]") : null;
    if (!span) { return; }
    span.classList.add("active");
    activate((span.getAttribute("data-ref") || "").split(" ").filter(Boolean));
  });
  // Filter forms: choosing from a list submits at once.
  document.querySelectorAll("form.filters select").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form && select.id === "f-target") { select.form.submit(); }
    });
  });
})();
