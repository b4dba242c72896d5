// Live preview: reload when the dev server says the book was rebuilt, keeping the reader's place on the page.
const key = `nlmg-scroll:${location.pathname}`
const saved = sessionStorage.getItem(key)
if (saved) window.scrollTo(0, Number(saved))
const events = new EventSource('/__nlmg/events')
events.addEventListener('reload', () => {
  sessionStorage.setItem(key, String(window.scrollY))
  location.reload()
})
