/**
 * The annotation page's details panel: the selected annotation's label, quote and review facts,
 * with the author's controls (label, note, delete, resubmit; the entity it links to and its
 * attributes, entityBox.ts) or a reviewer's (approve, reject with a comment). The rule for who may
 * decide is the server's, in its own words (ReviewRules).
 */
import { attributeFacts, attributeFields, type EntityActions, linkBox, linkedEntity } from "./entityBox.js";
import { element } from "./page.js";
import { type Annotation, type Decision, type Label, type ReviewRules, STATUS_NAMES } from "./types.js";

export interface Viewer {
  username: string;
  reviewer: boolean;
  canAnnotate: boolean;
}

/** What the panel's buttons do: annotate.ts sends the requests. */
export interface DetailsActions extends EntityActions {
  relabel(annotation: Annotation, label: string): void;
  saveNote(annotation: Annotation, note: string): void;
  remove(annotation: Annotation): void;
  resubmit(annotation: Annotation): void;
  decide(annotation: Annotation, decision: Decision, comment: string | null): void;
  /** An error sentence for the status line. */
  refuse(message: string): void;
  /** Back to the annotation's highlight (Esc in the panel). */
  backToText(annotation: Annotation): void;
}

/** Why the viewer cannot decide on this annotation, or null when they can (the server checks again). */
export function whyNotDecide(annotation: Annotation, viewer: Viewer, rules: ReviewRules): string | null {
  if (!viewer.reviewer) return rules.notReviewer;
  if (annotation.author === viewer.username) return rules.ownAnnotation;
  if (annotation.status !== "SUBMITTED") {
    return rules.alreadyDecided.replace("{status}", annotation.status)
      .replace("{decidedBy}", annotation.reviewer ? ` (decided by ${annotation.reviewer})` : "");
  }
  return null;
}

/** The facts listed under the quote, term and value. */
export function factsOf(annotation: Annotation, viewer: Viewer): [string, string][] {
  const mine = annotation.author === viewer.username;
  const facts: [string, string][] = [["Status", STATUS_NAMES[annotation.status] ?? annotation.status]];
  facts.push(["Author", mine ? `${annotation.author} (you)` : annotation.author]);
  if (annotation.reviewer) facts.push(["Reviewer", annotation.reviewer]);
  if (annotation.comment) facts.push(["Reviewer comment", annotation.comment]);
  if (!(mine && viewer.canAnnotate)) facts.push(["Note", annotation.note ?? "—"]);
  return facts;
}

/**
 * What changing an annotation does to its review, said before it happens: an approved one goes back
 * to review (so the page asks first); a rejected one stays rejected until resubmitted; null otherwise.
 */
export function changeWarning(annotation: Annotation): string | null {
  if (annotation.status === "APPROVED") return "This span is approved: changing it sends it back to review.";
  if (annotation.status === "REJECTED") return "This span stays rejected until you resubmit it.";
  return null;
}

export class DetailsPanel {
  constructor(
    private readonly box: HTMLElement,
    private readonly viewer: Viewer,
    private readonly rules: ReviewRules,
    private readonly labels: readonly Label[],
    private readonly labelName: (key: string) => string,
    private readonly labelColor: (key: string) => string,
    private readonly actions: DetailsActions,
  ) {}

  /** The id of the annotation shown, or null when the panel is closed. */
  get shownId(): number | null {
    return this.box.dataset.id ? Number(this.box.dataset.id) : null;
  }

  close(): void {
    this.box.replaceChildren();
    this.box.hidden = true;
    delete this.box.dataset.id;
    delete this.box.dataset.note;
  }

  /** Shows a change from elsewhere: the control that had the focus keeps it. */
  refresh(annotation: Annotation): void {
    const focused = document.activeElement;
    const kept = focused instanceof HTMLElement && this.box.contains(focused) ? focused.classList[0] : undefined;
    this.show(annotation);
    if (kept) this.box.querySelector<HTMLElement>(`.${CSS.escape(kept)}`)?.focus();
  }

  show(annotation: Annotation): void {
    // The answer to a change (say, of the label) may redraw the panel while the person is typing
    // a note for the same annotation: the draft, and the caret, carry over.
    // Only an unsaved edit is a draft: a box still showing the note it was drawn with takes the
    // server's note (it may have been saved, cleared or changed meanwhile).
    const box = this.box.dataset.id === String(annotation.id)
      ? this.box.querySelector<HTMLTextAreaElement>("textarea.details-note") : null;
    const draft = box !== null && box.value !== this.box.dataset.note ? box : null;
    const typing = draft !== null && document.activeElement === draft;
    const caret = draft ? [draft.selectionStart, draft.selectionEnd] as const : null;
    const editable = annotation.author === this.viewer.username && this.viewer.canAnnotate;

    const heading = element("h2", "details-label", this.labelName(annotation.label));
    heading.style.borderLeft = `0.4em solid ${this.labelColor(annotation.label)}`;
    const facts = element("dl", "details-facts");
    for (const [term, value] of factsOf(annotation, this.viewer)) facts.append(element("dt", "", term), element("dd", "", value));
    const history = element("a", "details-history", "History");
    history.href = `/annotations/${annotation.id}`;

    const label = this.labels.find((l) => l.key === annotation.label);
    const attributes = label?.attributes ?? [];
    if (!editable) {
      for (const [term, value] of attributeFacts(attributes, annotation.attributes)) {
        facts.append(element("dt", "", term), element("dd", "", value));
      }
    }

    this.box.replaceChildren(heading, element("blockquote", "details-quote", annotation.quote), facts);
    this.box.dataset.status = annotation.status;
    this.box.dataset.id = String(annotation.id);
    this.box.dataset.note = annotation.note ?? "";
    if (label?.linksEntity || annotation.entity) this.box.append(linkedEntity(annotation));
    if (editable && label?.linksEntity) this.box.append(linkBox(annotation, this.actions));
    if (editable && label && attributes.length > 0) {
      this.box.append(attributeFields(annotation, label, this.actions, (message) => this.actions.refuse(message)));
    }
    if (editable) this.box.append(this.editor(annotation));
    if (this.viewer.reviewer && whyNotDecide(annotation, this.viewer, this.rules) === null) this.box.append(this.reviewControls(annotation));
    this.box.append(history);
    this.box.hidden = false;
    const note = this.box.querySelector<HTMLTextAreaElement>("textarea.details-note");
    if (draft && note) {
      note.value = draft.value;
      if (typing && caret) {
        note.focus();
        note.setSelectionRange(caret[0], caret[1]);
      }
    }
  }

  /** Opens the comment box of the reviewer's controls, if shown. */
  openRejectBox(): void {
    const form = this.box.querySelector<HTMLElement>(".details-reject");
    const comment = form?.querySelector<HTMLTextAreaElement>("textarea");
    if (!form || !comment) return;
    form.hidden = false;
    comment.focus();
  }

  /**
   * Asks in the panel before a change that sends an approved span back to review: `go` runs on
   * "Change it", nothing happens on "Keep it". Returns false when the panel shows another annotation.
   */
  confirm(annotation: Annotation, question: string, go: () => void, onKeep?: () => void): boolean {
    if (this.shownId !== annotation.id) return false;
    this.box.querySelector(".details-confirm")?.remove();
    const ask = element("div", "details-confirm");
    ask.setAttribute("role", "alertdialog");
    ask.setAttribute("aria-label", question);
    const yes = element("button", "details-confirm-yes primary", "Change it");
    yes.type = "button";
    const no = element("button", "details-confirm-no", "Keep it");
    no.type = "button";
    yes.addEventListener("click", () => {
      ask.remove();
      go();
    });
    no.addEventListener("click", () => {
      ask.remove();
      onKeep?.();
      this.actions.backToText(annotation);
    });
    ask.append(element("p", "", question), yes, document.createTextNode(" "), no);
    this.box.querySelector(".details-facts")?.after(ask);
    yes.focus();
    return true;
  }

  /** Label, note, delete (and resubmit, for a rejected span) for one of the user's own annotations. */
  private editor(annotation: Annotation): HTMLElement {
    const form = element("div", "details-edit");
    const labelSelect = element("select", "details-label-select");
    for (const label of this.labels) {
      if (label.retired && label.key !== annotation.label) continue; // new spans cannot take a retired label
      labelSelect.append(new Option(label.name, label.key, false, label.key === annotation.label));
    }
    labelSelect.addEventListener("change", () => this.actions.relabel(annotation, labelSelect.value));

    const note = element("textarea", "details-note");
    note.rows = 3;
    note.value = annotation.note ?? "";
    const save = element("button", "details-save", "Save note");
    save.type = "button";
    save.addEventListener("click", () => this.actions.saveNote(annotation, note.value));
    const remove = element("button", "details-delete", "Delete");
    remove.type = "button";
    remove.addEventListener("click", () => this.actions.remove(annotation));

    const labelField = element("label", "", "Label ");
    labelField.append(labelSelect);
    const noteField = element("label", "", "Note ");
    noteField.append(note);
    form.append(labelField, noteField, save, remove);
    const warning = changeWarning(annotation);
    if (annotation.status === "REJECTED") {
      const resubmit = element("button", "details-resubmit primary", "Resubmit");
      resubmit.type = "button";
      resubmit.title = "Send it back to review as it is now";
      resubmit.addEventListener("click", () => this.actions.resubmit(annotation));
      form.append(resubmit);
    }
    if (warning) form.append(element("p", "hint details-warning", warning));
    return form;
  }

  /** Approve and Reject (with a comment box) for a reviewer looking at someone else's submitted annotation. */
  private reviewControls(annotation: Annotation): HTMLElement {
    const box = element("div", "details-review");
    const approve = element("button", "details-approve primary", "Approve");
    approve.type = "button";
    approve.title = "Shift+A";
    approve.addEventListener("click", () => this.actions.decide(annotation, "APPROVE", null));
    const reject = element("button", "details-reject-open", "Reject…");
    reject.type = "button";
    reject.title = "Shift+R";

    const form = element("div", "details-reject");
    form.hidden = true;
    const comment = element("textarea", "details-reject-comment");
    comment.rows = 2;
    comment.setAttribute("aria-label", "Why do you reject it? The author reads this comment.");
    comment.placeholder = "Why? The author reads this.";
    const confirm = element("button", "details-reject-confirm", "Reject");
    confirm.type = "button";
    const submit = (): void => {
      const text = comment.value.trim();
      if (text === "") {
        this.actions.refuse("Say why you reject it: the author reads the comment.");
        comment.focus();
        return;
      }
      this.actions.decide(annotation, "REJECT", text);
    };
    confirm.addEventListener("click", submit);
    comment.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      } else if (event.key === "Escape") {
        event.preventDefault();
        form.hidden = true;
        this.actions.backToText(annotation);
      }
    });
    reject.addEventListener("click", () => {
      form.hidden = false;
      comment.focus();
    });
    form.append(comment, element("span", "hint", "Enter rejects, Shift+Enter starts a new line, Esc cancels. "), confirm);
    box.append(approve, document.createTextNode(" "), reject, form);
    return box;
  }
}
