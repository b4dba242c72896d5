// The search page: loads the index built with the site (search-index.js) into MiniSearch and lists the
// sections that hold the words asked for, best first, each linking to its heading. The words the page shows
// come from the page itself (data-* attributes), so this file holds no text of the guide.
(function () {
  var data = window.nlmgSearch
  var form = document.querySelector('.search-form')
  var input = document.getElementById('search-query')
  var status = document.getElementById('search-status')
  var list = document.getElementById('search-results')
  if (!data || !window.MiniSearch || !form || !input || !status || !list) return
  var index = window.MiniSearch.loadJS(data.index, data.options)
  form.hidden = false
  var notice = document.querySelector('.no-script')
  if (notice) notice.hidden = true

  function item(result) {
    var li = document.createElement('li')
    var link = document.createElement('a')
    link.href = result.url
    link.textContent = result.title === result.chapter ? result.chapter : result.chapter + ': ' + result.title
    var excerpt = document.createElement('p')
    excerpt.textContent = result.excerpt
    li.appendChild(link)
    li.appendChild(excerpt)
    return li
  }

  function show(query) {
    list.textContent = ''
    query = query.trim()
    if (!query) {
      status.textContent = ''
      return
    }
    var results = index.search(query)
    // The best fifty are shown; the count is of every section found.
    results.slice(0, 50).forEach(function (result) { list.appendChild(item(result)) })
    var count = results.length === 0 ? status.dataset.none : results.length === 1 ? status.dataset.one : results.length + ' ' + status.dataset.many
    status.textContent = count + ' “' + query + '”'
  }

  var query = new URLSearchParams(window.location.search).get('q') || ''
  input.value = query
  var header = document.getElementById('site-search-input')
  if (header) header.value = query
  show(query)
  input.addEventListener('input', function () { show(input.value) })
  form.addEventListener('submit', function (event) {
    event.preventDefault()
    show(input.value)
    // The address keeps the query, so a search can be bookmarked or shared.
    try { window.history.replaceState(null, '', '?q=' + encodeURIComponent(input.value.trim())) } catch (error) { /* a page opened from disk may refuse */ }
  })
})()
