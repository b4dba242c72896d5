// Progressive enhancement for every page of the web edition: the pages read fine without it.
// On a narrow screen the contents beside the text starts closed, so the chapter comes first; without
// JavaScript it stays open (and is still one tap from closing).
(function () {
  document.documentElement.classList.add('js')
  var contents = document.querySelector('details.contents')
  if (contents && window.matchMedia('(max-width: 59.99em)').matches) contents.open = false
})()
