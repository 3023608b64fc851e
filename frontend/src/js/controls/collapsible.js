// On a narrow screen (600 px and less, app.css) a map control shows only a button with its name until the
// person presses it, so the controls do not cover the map; on a wide screen the button is not shown and the
// control is always open. Returns the button.
export function collapsible(container, { label, open = false }) {
  container.classList.add("pw-collapsible");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "pw-collapse-toggle";
  button.textContent = label;
  const set = (isOpen) => {
    container.dataset.open = String(isOpen);
    button.setAttribute("aria-expanded", String(isOpen));
  };
  button.addEventListener("click", (event) => {
    event.preventDefault();
    set(container.dataset.open !== "true");
  });
  set(open);
  container.prepend(button);
  return button;
}
