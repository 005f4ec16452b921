import type { FormTexts } from "./types.ts";

export const de: FormTexts = {
  locale: "de-BE",
  title: "Einen Vorfall melden",
  intro:
    "Melden Sie uns einen Cyberangriff oder einen Sicherheitsvorfall, der Sie, Ihre Organisation oder jemanden betrifft, dem Sie helfen. Wir lesen jede Meldung, und Sie erhalten sofort eine Referenznummer.",
  urgent: {
    title: "Läuft der Angriff noch?",
    lead: "Tun Sie zuerst Folgendes und füllen Sie danach das Formular aus:",
    steps: [
      "Trennen Sie betroffene Geräte vom Netzwerk (Kabel ziehen, WLAN ausschalten), lassen Sie sie aber eingeschaltet: Beim Ausschalten gehen Spuren im Arbeitsspeicher verloren.",
      "Löschen, formatieren oder installieren Sie nichts neu, und zahlen Sie kein Lösegeld, bevor Sie mit uns gesprochen haben.",
      "Bewahren Sie Protokolldateien, verdächtige E-Mails und Bildschirmfotos auf: Sie zeigen uns, was passiert ist.",
      "Ändern Sie Passwörter von einem nicht betroffenen Gerät aus, zuerst die von E-Mail- und Administratorkonten.",
      "Geld überwiesen oder Kartendaten weitergegeben? Rufen Sie sofort Ihre Bank an.",
    ],
    call: "Rufen Sie uns jetzt an:",
    danger: "Ist jemand in Gefahr? Rufen Sie die 112 an.",
  },
  requiredNote:
    "Mit „Pflichtfeld“ markierte Felder müssen ausgefüllt werden. Alles andere ist freiwillig, aber jede Angabe hilft uns.",
  required: "Pflichtfeld",
  sections: {
    you: "Über Sie",
    what: "Was ist passiert?",
    details: "Weitere Angaben",
    files: "Dateien",
    sharing: "Weitergabe und Einwilligung",
  },
  fields: {
    reporterKind: { label: "Sie sind" },
    name: { label: "Ihr Name" },
    email: {
      label: "Ihre E-Mail-Adresse",
      hint: "Dorthin senden wir die Bestätigung und unsere Fragen. Ist Ihr Postfach vielleicht kompromittiert? Dann geben Sie eine Adresse auf einem anderen, sicheren System an.",
    },
    phone: { label: "Telefonnummer", hint: "Damit wir Sie schnell zurückrufen können, zum Beispiel +32 470 12 34 56." },
    organization: {
      label: "Organisation",
      hint: "Die Organisation, die der Vorfall betrifft. Pflichtfeld, außer Sie melden als Privatperson.",
    },
    role: { label: "Ihre Funktion", hint: "Zum Beispiel IT-Leitung, Geschäftsführung, externe Beratung." },
    relation: {
      label: "Wer ist betroffen?",
      victim: "Ich bin das Opfer oder arbeite für das Opfer",
      onBehalf: "Ich melde für jemand anderen",
    },
    rsitClass: {
      label: "Um welche Art von Vorfall handelt es sich?",
      hint: "Wählen Sie, was am besten passt. Nicht sicher? Wählen Sie „Etwas anderes, oder ich weiß es nicht“.",
    },
    rsitType: { label: "Genauer", hint: "Nur wenn Sie es wissen.", unsure: "Ich weiß es nicht genau" },
    startedAt: {
      label: "Wann hat es begonnen?",
      hint: "Eine Schätzung genügt. Datum und Uhrzeit, zum Beispiel 2026-11-23 14:30.",
    },
    detectedAt: { label: "Wann haben Sie es bemerkt?", hint: "Datum und Uhrzeit, zum Beispiel 2026-11-23 16:00." },
    ongoing: { label: "Dauert es noch an?", yes: "Ja", no: "Nein", unknown: "Ich weiß es nicht" },
    description: {
      label: "Was ist passiert?",
      hint: "In Ihren eigenen Worten: was Sie gesehen und getan haben und was Sie beunruhigt. Senden Sie keine Passwörter.",
    },
    affectedSystems: {
      label: "Betroffene Systeme",
      hint: "Beteiligte Geräte, Server, Websites oder Konten: Namen, IP-Adressen, Hostnamen.",
    },
    impact: { label: "Welche Folgen hat es?", hint: "Kreuzen Sie alles Zutreffende an." },
    indicators: {
      label: "Technische Spuren",
      hint: "IP-Adressen, Domainnamen, Hashwerte von Dateien, E-Mail-Adressen des Angreifers; wenn möglich eine pro Zeile.",
    },
    actionsTaken: { label: "Was haben Sie bereits unternommen?" },
    othersInformed: { label: "Wen haben Sie noch informiert?", hint: "Kreuzen Sie alles Zutreffende an." },
    expectations: {
      label: "Was erwarten Sie von uns?",
      hint: "Zum Beispiel Rat, technische Hilfe oder nur, dass wir Bescheid wissen.",
    },
    noticeReference: {
      label: "Referenz einer Nachricht von uns",
      hint: "Geht es um eine Benachrichtigung, die wir Ihnen geschickt haben? Dann geben Sie deren Referenz an.",
    },
    tlp: {
      label: "Wie dürfen wir weitergeben, was Sie uns mitteilen?",
      hint: "Traffic Light Protocol (TLP). Ihren Namen geben wir nie weiter, ohne Sie zu fragen.",
    },
    attachments: {
      label: "Dateien anhängen",
      hint: ({ maxFiles, maxSize }) =>
        `Bis zu ${maxFiles} Dateien mit je höchstens ${maxSize}: Protokolldateien (.log, .txt, .csv, .json), Bildschirmfotos (.png, .jpg, .gif, .webp), PDF, E-Mails (.eml, .msg), Netzwerkmitschnitte (.pcap) oder eine .zip-Datei.`,
    },
    consent: {
      label: (cert) =>
        `Ich bin damit einverstanden, dass ${cert} die personenbezogenen Daten in dieser Meldung zur Bearbeitung des Vorfalls verarbeitet.`,
      privacyLink: "Wie wir mit Ihren Daten umgehen (Datenschutzerklärung)",
    },
  },
  honeypot: "Lassen Sie dieses Feld leer",
  submit: "Meldung senden",
  errors: {
    summaryTitle: "Es gibt ein Problem",
    titlePrefix: "Fehler",
    inlinePrefix: "Fehler:",
    required: {
      reporterKind: "Wählen Sie aus, wer Sie sind",
      name: "Geben Sie Ihren Namen an",
      email: "Geben Sie Ihre E-Mail-Adresse an",
      organization: "Geben Sie den Namen der Organisation an",
      relation: "Geben Sie an, wer betroffen ist",
      rsitClass: "Wählen Sie die Art des Vorfalls",
      description: "Beschreiben Sie, was passiert ist",
      consent: "Willigen Sie in die Verarbeitung Ihrer Daten ein oder rufen Sie uns an",
    },
    email: "Geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.be",
    phone: "Geben Sie eine Telefonnummer nur mit Ziffern an, zum Beispiel +32 470 12 34 56",
    tooLong: (label, max) => `„${label}“ darf höchstens ${max} Zeichen enthalten`,
    choice: (label) => `Wählen Sie bei „${label}“ eine der angezeigten Möglichkeiten`,
    date: (label) => `Geben Sie bei „${label}“ ein gültiges Datum mit Uhrzeit an, zum Beispiel 2026-11-23 14:30`,
    dateFuture: (label) => `Bei „${label}“ darf das Datum nicht in der Zukunft liegen`,
    dateOrder: "Sie können es nicht bemerkt haben, bevor es begann: Prüfen Sie beide Daten",
    typeClass:
      "Diese genauere Art passt nicht zur gewählten Art des Vorfalls: Wählen Sie eine andere oder „Ich weiß es nicht genau“",
    fileType: (file) => `${file}: Dateien dieser Art nehmen wir nicht an`,
    fileContent: (file, ext) => `${file}: Der Inhalt ist keine .${ext}-Datei`,
    fileEmpty: (file) => `${file} ist leer`,
    fileSize: (file, max) => `${file} ist größer als ${max}`,
    fileCount: (max) => `Hängen Sie höchstens ${max} Dateien an`,
    filesAgain:
      "Aus Sicherheitsgründen behalten wir keine Dateien, wenn das Formular ein Problem hat: Hängen Sie sie erneut an.",
  },
  abuse: {
    title: "Ihre Meldung wurde nicht gesendet",
    tooFast:
      "Das Formular wurde sehr schnell nach dem Öffnen abgeschickt, wie es Roboter tun. Prüfen Sie Ihre Angaben und senden Sie es erneut.",
    expired:
      "Das Formular war lange geöffnet und ist abgelaufen. Ihre Angaben sind noch da: Prüfen Sie sie und senden Sie es erneut.",
    invalid:
      "Wir konnten dieses Formular nicht überprüfen (es wurde vielleicht verändert oder von einer anderen Website abgeschickt). Prüfen Sie Ihre Angaben und senden Sie es erneut.",
    honeypot: (phone) =>
      `Das sieht nach einer automatischen Übermittlung aus, deshalb haben wir sie nicht angenommen. Sind Sie ein Mensch? Dann senden Sie das Formular erneut oder rufen Sie uns an: ${phone}.`,
    rateLimited: (phone) =>
      `Von Ihrer Verbindung wurden in kurzer Zeit zu viele Meldungen gesendet. Warten Sie etwas und versuchen Sie es erneut, oder rufen Sie uns an: ${phone}. Mit der Zurück-Schaltfläche Ihres Browsers finden Sie Ihre Eingaben wieder.`,
    tooLarge: "Das Formular war zu groß. Hängen Sie weniger oder kleinere Dateien an und versuchen Sie es erneut.",
    backToForm: "Zurück zum Formular",
  },
  thanks: {
    title: "Wir haben Ihre Meldung erhalten",
    referenceLabel: "Ihre Referenznummer:",
    keepIt:
      "Bewahren Sie diese Referenznummer auf und nennen Sie sie immer, wenn Sie uns zu diesem Vorfall kontaktieren.",
    nextTitle: "Wie geht es weiter?",
    next: (phone) => [
      "In wenigen Minuten erhalten Sie eine Bestätigung per E-Mail. Nichts angekommen? Sehen Sie in Ihrem Spam-Ordner nach.",
      "Eine Analystin oder ein Analyst liest Ihre Meldung. Dringende Vorfälle bearbeiten wir zuerst.",
      "Wir melden uns bei Ihnen, wenn wir weitere Informationen brauchen oder Ihnen helfen können. Wir fragen Sie nie nach Ihrem Passwort.",
      `Läuft der Angriff noch oder wird es schlimmer? Rufen Sie uns an: ${phone}.`,
    ],
    another: "Einen weiteren Vorfall melden",
  },
  failure: {
    title: "Etwas ist schiefgelaufen",
    body: (phone) =>
      `Ihre Meldung konnte wegen eines Problems auf unserer Seite nicht gesendet werden. Versuchen Sie es in einigen Minuten erneut oder rufen Sie uns an: ${phone}.`,
    badRequest:
      "Wir konnten nicht lesen, was Ihr Browser gesendet hat. Gehen Sie zurück zum Formular und versuchen Sie es erneut.",
    badCharacter: (label) =>
      `Das Feld „${label}“ enthält ein unsichtbares Steuerzeichen (NUL), das nicht gespeichert werden kann. Gehen Sie zurück, entfernen Sie es und senden Sie das Formular erneut.`,
    notFound: "Diese Seite gibt es nicht.",
  },
};
