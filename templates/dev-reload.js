// Live preview: reload when the dev server says the book was rebuilt, keeping the reader's scroll position.
const key = 'nlmg-scroll'
const saved = sessionStorage.getItem(key)
if (saved) window.scrollTo(0, Number(saved))
const events = new EventSource('/__nlmg/events')
events.addEventListener('reload', () => {
  sessionStorage.setItem(key, String(window.scrollY))
  location.reload()
})
