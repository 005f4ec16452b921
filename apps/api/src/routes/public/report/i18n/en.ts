import type { FormTexts } from "./types.ts";

export const en: FormTexts = {
  locale: "en-GB",
  title: "Report an incident",
  intro:
    "Tell us about a cyber attack or a security incident that affects you, your organisation or someone you help. We read every report, and you get a reference number straight away.",
  urgent: {
    title: "Is the attack still going on?",
    lead: "Do this first, then fill in the form:",
    steps: [
      "Disconnect affected devices from the network (unplug the cable, switch off Wi-Fi), but leave them switched on: switching them off destroys evidence in their memory.",
      "Do not delete, wipe or reinstall anything, and do not pay a ransom before you have talked to us.",
      "Keep logs, suspicious e-mails and screenshots: they show us what happened.",
      "Change passwords from a device that is not affected, starting with e-mail and administrator accounts.",
      "Transferred money or gave card details? Call your bank at once.",
    ],
    call: "Call us now on",
    danger: "Is someone in danger? Call 112.",
  },
  requiredNote: "Fields marked “required” must be filled in. The rest is optional, but every detail helps us.",
  required: "required",
  sections: {
    you: "About you",
    what: "What happened",
    details: "More details",
    files: "Files",
    sharing: "Sharing and consent",
  },
  fields: {
    reporterKind: { label: "You are" },
    name: { label: "Your name" },
    email: {
      label: "Your e-mail address",
      hint: "We send the confirmation and our questions here. If your mailbox may be compromised, give an address on another, safe system.",
    },
    phone: { label: "Phone number", hint: "So that we can call you back quickly, for example +32 470 12 34 56." },
    organization: {
      label: "Organisation",
      hint: "The organisation the incident is about. Required unless you report as a private person.",
    },
    role: { label: "Your role", hint: "For example IT manager, director, external consultant." },
    relation: {
      label: "Who was hit?",
      victim: "I am the victim, or I work for the victim",
      onBehalf: "I am reporting for someone else",
    },
    rsitClass: {
      label: "What kind of incident is it?",
      hint: "Choose what fits best. Not sure? Choose “Something else, or I don't know”.",
    },
    rsitType: { label: "More precisely", hint: "Only if you know.", unsure: "I don't know exactly" },
    startedAt: {
      label: "When did it start?",
      hint: "Your best guess is fine. Date and time, for example 2026-11-23 14:30.",
    },
    detectedAt: { label: "When did you notice it?", hint: "Date and time, for example 2026-11-23 16:00." },
    ongoing: { label: "Is it still going on?", yes: "Yes", no: "No", unknown: "I don't know" },
    description: {
      label: "What happened?",
      hint: "In your own words: what you saw, what you did and what worries you. Do not send passwords.",
    },
    affectedSystems: {
      label: "Affected systems",
      hint: "Devices, servers, websites or accounts involved: names, IP addresses, host names.",
    },
    impact: { label: "What is the impact?", hint: "Tick all that apply." },
    indicators: {
      label: "Technical traces",
      hint: "IP addresses, domain names, file hashes, the attacker's e-mail addresses; one per line if you can.",
    },
    actionsTaken: { label: "What have you done so far?" },
    othersInformed: { label: "Who else have you told?", hint: "Tick all that apply." },
    expectations: {
      label: "What do you expect from us?",
      hint: "For example advice, technical help, or just letting us know.",
    },
    noticeReference: {
      label: "Reference of a message from us",
      hint: "If this is about a notice we sent you, its reference.",
    },
    tlp: {
      label: "How may we share what you tell us?",
      hint: "Traffic Light Protocol (TLP). We never share your name without asking you.",
    },
    attachments: {
      label: "Attach files",
      hint: ({ maxFiles, maxSize }) =>
        `Up to ${maxFiles} files of at most ${maxSize} each: logs (.log, .txt, .csv, .json), screenshots (.png, .jpg, .gif, .webp), PDF, e-mails (.eml, .msg), network captures (.pcap) or a .zip.`,
    },
    consent: {
      label: (cert) => `I agree that ${cert} processes the personal data in this report to handle the incident.`,
      privacyLink: "How we handle your data (privacy statement)",
    },
  },
  honeypot: "Leave this field empty",
  submit: "Send report",
  errors: {
    summaryTitle: "There is a problem",
    titlePrefix: "Error",
    inlinePrefix: "Error:",
    required: {
      reporterKind: "Choose who you are",
      name: "Enter your name",
      email: "Enter your e-mail address",
      organization: "Enter the name of the organisation",
      relation: "Say who was hit",
      rsitClass: "Choose what kind of incident it is",
      description: "Describe what happened",
      consent: "Agree to the processing of your data, or call us instead",
    },
    email: "Enter an e-mail address in the right format, like name@example.com",
    phone: "Enter a phone number with digits only, like +32 470 12 34 56",
    tooLong: (label, max) => `“${label}” can have at most ${max} characters`,
    choice: (label) => `For “${label}”, choose one of the options shown`,
    date: (label) => `For “${label}”, enter a real date and time, like 2026-11-23 14:30`,
    dateFuture: (label) => `For “${label}”, the date cannot be in the future`,
    dateOrder: "You cannot have noticed it before it started: check both dates",
    typeClass:
      "This precise type does not belong to the kind of incident you chose: choose another, or “I don't know exactly”",
    fileType: (file) => `${file}: this type of file is not accepted`,
    fileContent: (file, ext) => `${file}: the content is not a .${ext} file`,
    fileEmpty: (file) => `${file} is empty`,
    fileSize: (file, max) => `${file} is larger than ${max}`,
    fileCount: (max) => `Attach at most ${max} files`,
    filesAgain: "For your safety, files are not kept when the form has a problem: attach them again.",
  },
  abuse: {
    title: "Your report was not sent",
    tooFast: "The form was sent very quickly after it opened, as robots do. Check your answers and send it again.",
    expired:
      "The form was open for a long time and has expired. Your answers are still here: check them and send it again.",
    invalid:
      "We could not verify this form (it may have been changed or sent from another website). Check your answers and send it again.",
    honeypot: (phone) =>
      `This looks like an automated submission, so we did not accept it. If you are a person, send the form again, or call us on ${phone}.`,
    rateLimited: (phone) =>
      `Too many reports were sent from your connection in a short time. Wait a while and try again, or call us on ${phone}. Your browser's Back button takes you back to what you typed.`,
    tooLarge: "The form was too large to accept. Attach fewer or smaller files and try again.",
    backToForm: "Back to the form",
  },
  thanks: {
    title: "We have received your report",
    referenceLabel: "Your reference:",
    keepIt: "Keep this reference and quote it whenever you contact us about this incident.",
    nextTitle: "What happens next",
    next: (phone) => [
      "You will receive a confirmation by e-mail within a few minutes. Nothing there? Look in your spam folder.",
      "An analyst reads your report. Urgent incidents are handled first.",
      "We contact you if we need more information or can help. We will never ask for your password.",
      `Is the attack still going on, or getting worse? Call us on ${phone}.`,
    ],
    another: "Report another incident",
  },
  failure: {
    title: "Something went wrong",
    body: (phone) =>
      `Your report could not be sent because of a problem on our side. Try again in a few minutes, or call us on ${phone}.`,
    badRequest: "We could not read what your browser sent. Go back to the form and try again.",
    badCharacter: (label) =>
      `The field “${label}” contains an invisible control character (NUL) that cannot be stored. Go back, remove it and send the form again.`,
    notFound: "This page does not exist.",
  },
};
