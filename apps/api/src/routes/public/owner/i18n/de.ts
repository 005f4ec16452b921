import type { OwnerTexts } from "./types.ts";

export const de: OwnerTexts = {
  locale: "de-BE",
  colon: ":",
  pageTitle: "Exponierte Systeme: Ihre Rückmeldung",
  intro: (org) =>
    `Diese Seite ist für ${org} bestimmt. Sie zeigt die Systeme Ihrer Organisation, die wir als anfällig für das unten ` +
    "beschriebene Problem gefunden haben. Teilen Sie uns bitte mit, was Sie unternommen haben – je System oder für alle " +
    "auf einmal. Sie können Ihre Rückmeldung später noch ändern.",
  reference: "Referenz",
  tlp: "Weitergabe",
  tlpMeaning: {
    CLEAR: "Darf ohne Einschränkung weitergegeben werden.",
    GREEN: "Darf innerhalb Ihrer Community weitergegeben werden, aber nicht öffentlich.",
    AMBER:
      "Nur innerhalb Ihrer Organisation weitergeben und an diejenigen, die es zu deren Schutz wissen müssen, etwa Ihren IT-Dienstleister.",
    AMBER_STRICT: "Nur innerhalb Ihrer Organisation weitergeben.",
    RED: "Nur für die genannten Empfänger: nicht weitergeben.",
  },
  cves: "Schwachstellen",
  validUntil: (date) => `Dieser Link ist bis zum ${date} gültig.`,
  about: "Worum es geht",
  whatToDo: "Was jetzt zu tun ist",
  compromiseCheck: "Suchen Sie nach Anzeichen einer Kompromittierung",
  compromiseSince: (date) =>
    `Angreifer könnten diese Schwachstelle seit dem ${date} ausgenutzt haben: Suchen Sie ab diesem Datum nach Anzeichen einer Kompromittierung.`,
  moreInfo: "Weitere Informationen",
  noAdvice:
    "Unsere Benachrichtigung per E-Mail beschreibt das Problem und was zu tun ist. Wenden Sie sich an uns, wenn etwas unklar ist.",
  hosts: {
    heading: (n) => (n === 1 ? "Ihr exponiertes System" : `Ihre exponierten Systeme (${n})`),
    service: "Port / Dienst",
    lastSeen: "Zuletzt gesehen",
    status: "Ihre Rückmeldung",
    none: "Zu dieser Benachrichtigung sind bei uns keine Systeme Ihrer Organisation mehr erfasst.",
    noAnswer: "Noch keine Rückmeldung",
    answered: (answer, date) => `${answer} (${date})`,
    compromise: (finding) => `Kompromittierung: ${finding}`,
    stillSeen: (date) => `Nach Ihrer Rückmeldung noch von unserem Scan am ${date} gesehen.`,
    gone: (date) => `Seit dem ${date} nicht mehr gesehen.`,
  },
  answers: {
    patched: "Gepatcht: auf eine sichere Version aktualisiert",
    mitigated: "Abgesichert: eine Übergangslösung ist umgesetzt",
    investigating: "Wird untersucht",
    not_ours: "Nicht unseres, oder falscher Ansprechpartner",
    false_positive: "Fehlalarm: nicht anfällig",
    needs_help: "Wir brauchen Hilfe",
  },
  compromise: {
    yes: "Ja, wir haben Anzeichen einer Kompromittierung gefunden",
    no: "Keine Anzeichen einer Kompromittierung gefunden",
    not_checked: "Noch nicht geprüft",
  },
  compromiseQuestion: "Falls gepatcht: Haben Sie Anzeichen einer Kompromittierung gefunden?",
  compromiseHint: "Nur für gepatchte Systeme. Haben Sie etwas gefunden, helfen wir Ihnen bei den nächsten Schritten.",
  whatDidYouDo: "Was haben Sie unternommen?",
  all: {
    heading: "Eine Rückmeldung für alle Systeme",
    hint: (n) => (n === 1 ? "Gilt für das oben aufgeführte System." : `Gilt für alle ${n} oben aufgeführten Systeme.`),
    submit: (n) => (n === 1 ? "Rückmeldung senden" : `Rückmeldung für alle ${n} Systeme senden`),
  },
  perHost: {
    heading: "Eine Rückmeldung je System",
    hint: "Lassen Sie ein System auf „Keine Änderung“, um seine bisherige Rückmeldung zu behalten.",
    noChange: "Keine Änderung",
    notAnswered: "Ohne Rückmeldung",
    answer: "Rückmeldung",
    compromise: "Falls gepatcht: Anzeichen einer Kompromittierung?",
    comment: "Kommentar (optional)",
    submit: "Diese Rückmeldungen speichern",
  },
  comment: "Kommentar (optional)",
  commentHint: "Alles, was wir wissen sollten: was Sie geändert haben, wann, wen wir ansprechen können.",
  betterContact: "Besserer Ansprechpartner (optional)",
  betterContactHint: "Gehört das System nicht Ihnen? Wer ist zuständig, oder an wen sollen wir uns stattdessen wenden?",
  errors: {
    summary: "Bitte korrigieren Sie Folgendes:",
    codes: {
      scope_invalid:
        "Das Formular konnte nicht gelesen werden. Laden Sie die Seite neu und versuchen Sie es noch einmal.",
      answer_required: "Wählen Sie eine Rückmeldung.",
      answer_invalid: "Wählen Sie eine der angebotenen Rückmeldungen.",
      compromise_invalid: "Wählen Sie eine der angebotenen Möglichkeiten zur Kompromittierung.",
      comment_too_long: "Der Kommentar ist zu lang (höchstens 2.000 Zeichen).",
      contact_too_long: "Die Kontaktangabe ist zu lang (höchstens 320 Zeichen).",
      nothing_chosen: "Wählen Sie für mindestens ein System eine Rückmeldung.",
      host_invalid:
        "Das Formular nennt ein System, das nicht auf dieser Seite steht. Laden Sie die Seite neu und versuchen Sie es noch einmal.",
    },
    forHost: (host, message) => `${host}: ${message}`,
  },
  help: {
    heading: "Anzeichen einer Kompromittierung, oder Hilfe nötig?",
    text: "Melden Sie uns den Vorfall: Wir helfen Ihnen, ihn einzudämmen und aufzuklären, was geschehen ist. Die Referenz dieser Benachrichtigung ist im Formular bereits eingetragen.",
    link: "Einen Vorfall melden",
  },
  done: {
    title: "Vielen Dank: Ihre Rückmeldung ist erfasst",
    text: (date) =>
      `Wir haben Ihre Rückmeldung am ${date} erfasst. Unser Team verfolgt sie weiter; ein späterer Scan zeigt, was noch exponiert ist.`,
    current: "Aktueller Stand Ihrer Systeme",
    back: "Eine Rückmeldung ändern",
  },
  invalid: {
    title: "Dieser Link ist nicht gültig",
    text: "Der Link ist unbekannt, abgelaufen oder wurde zurückgezogen. Wenn Sie eine Benachrichtigung von uns erhalten haben und darauf antworten möchten, wenden Sie sich bitte unter Angabe der Referenz an uns.",
  },
  formExpired: {
    title: "Dieses Formular ist abgelaufen",
    text: "Zu Ihrer Sicherheit ist das Formular nach dem Öffnen der Seite nur begrenzte Zeit gültig. Es wurde nichts erfasst.",
    reload: "Seite erneut öffnen",
  },
  foreignHosts: {
    title: "Diese Systeme gehören nicht zu dieser Benachrichtigung",
    text: "Das Formular enthielt Systeme, die nicht zu dieser Benachrichtigung gehören. Es wurde nichts erfasst.",
    back: "Zurück zur Seite",
  },
  tooMany: {
    title: "Zu viele Anfragen",
    text: "Bitte warten Sie eine Minute und versuchen Sie es dann erneut.",
  },
  failed: {
    title: "Etwas ist schiefgelaufen",
    text: "Ihre Anfrage konnte nicht bearbeitet werden. Bitte versuchen Sie es später erneut oder wenden Sie sich an uns.",
  },
  contact: {
    heading: "Kontakt",
    text: (cert) => `Fragen? ${cert} hilft Ihnen gerne weiter.`,
    phone: "Telefon",
    email: "E-Mail",
    website: "Website",
  },
};
