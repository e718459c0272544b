/**
 * The `/` key of every page: it focuses the search box in the header, as on many sites, unless the
 * person is typing (a field, a text area, an editable note) or holds a modifier. Label keys are
 * letters and digits and no page gives `/` another meaning, so it clashes with none.
 */
export interface SearchKeyPress {
  key: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  typing: boolean;
}

export function focusesSearch(press: SearchKeyPress): boolean {
  return press.key === "/" && !press.ctrl && !press.meta && !press.alt && !press.typing;
}
