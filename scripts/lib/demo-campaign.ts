import type { Language as Lang } from "@baken/core";
import type { CampaignInput } from "./baken-api.ts";

// The demo's campaign: the Exchange "ProxyLogon" vulnerabilities of March 2021, with the advice a CERT sent
// then, in the four languages of Baken's notices. Written to be read by a system administrator at once:
// what it is, patch now, then look for compromise since 26 February 2021.

export const PROXYLOGON_NAME = "Exchange ProxyLogon, March 2021";

/** Microsoft's guidance (in English: that is where it is kept up to date) and the CERT's own site. */
function links(lang: Lang, certWebsite: string) {
  const label = {
    nl: [
      "Microsoft: beveiligingsupdates voor Exchange Server",
      "Microsoft: de aanvallen van HAFNIUM",
      "Microsoft: detectiescripts (Test-ProxyLogon, EOMT)",
      "Onze website",
    ],
    fr: [
      "Microsoft : mises à jour de sécurité d’Exchange Server",
      "Microsoft : les attaques de HAFNIUM",
      "Microsoft : scripts de détection (Test-ProxyLogon, EOMT)",
      "Notre site",
    ],
    de: [
      "Microsoft: Sicherheitsupdates für Exchange Server",
      "Microsoft: die Angriffe von HAFNIUM",
      "Microsoft: Erkennungsskripte (Test-ProxyLogon, EOMT)",
      "Unsere Website",
    ],
    en: [
      "Microsoft: security updates for Exchange Server",
      "Microsoft: the HAFNIUM attacks",
      "Microsoft: detection scripts (Test-ProxyLogon, EOMT)",
      "Our website",
    ],
  }[lang];
  const urls = [
    "https://msrc.microsoft.com/blog/2021/03/multiple-security-updates-released-for-exchange-server/",
    "https://www.microsoft.com/en-us/security/blog/2021/03/02/hafnium-targeting-exchange-servers/",
    "https://github.com/microsoft/CSS-Exchange/tree/main/Security",
    certWebsite,
  ];
  return urls.map((url, i) => ({ label: label[i]!, url }));
}

// `{since}` is replaced by campaign.compromiseSince, written in the reader's language.
const ADVICE: Record<Lang, { summary: string; actions: string[]; compromiseCheck: string }> = {
  nl: {
    summary:
      "Microsoft Exchange Server 2013, 2016 en 2019 (on-premises) bevat vier kwetsbaarheden (CVE-2021-26855, CVE-2021-26857, " +
      "CVE-2021-26858 en CVE-2021-27065, samen bekend als ‘ProxyLogon’) waarmee een aanvaller via het internet code op de server " +
      "kan uitvoeren zonder in te loggen. Ze worden sinds minstens 26 februari 2021 op grote schaal misbruikt, al vóór Microsoft " +
      "op 2 maart 2021 de patches uitbracht. Een server die ongepatcht bereikbaar was, moet u als mogelijk gecompromitteerd " +
      "beschouwen, ook als hij intussen gepatcht is.",
    actions: [
      "Patch nu: installeer de beveiligingsupdate van Microsoft voor uw Exchange-versie, of de recentste cumulatieve update.",
      "Lukt dat vandaag niet, pas dan de mitigatie van Microsoft toe (de Exchange On-premises Mitigation Tool) en haal Outlook Web Access van het internet tot u kunt patchen.",
      "Zoek daarna naar sporen van een inbraak (zie hieronder): een patch verwijdert geen aanvaller die al binnen is.",
      "Laat ons via de persoonlijke link in dit bericht weten wat u gedaan hebt.",
    ],
    compromiseCheck:
      "Controleer de server op sporen van misbruik sinds {since}:\n" +
      "- webshells: onbekende .aspx-bestanden in de OWA- en ECP-mappen (…\\FrontEnd\\HttpProxy\\owa\\auth\\ en …\\FrontEnd\\HttpProxy\\ecp\\auth\\) en in inetpub\\wwwroot\\aspnet_client;\n" +
      "- verbindingen vanaf onbekende buitenlandse IP-adressen in de IIS- en Exchange-logbestanden (HttpProxy-logs);\n" +
      "- activiteit buiten de kantooruren: aanmeldingen, nieuwe accounts, export van mailboxen, geplande taken.\n" +
      "De Microsoft Safety Scanner (MSERT) en het script Test-ProxyLogon helpen u daarbij. Vindt u iets, of twijfelt u: bewaar de " +
      "logbestanden, wis de server niet, stel nieuwe wachtwoorden in voor alle accounts die de server gebruikten (ook service- en " +
      "beheerdersaccounts) en meld het ons.",
  },
  fr: {
    summary:
      "Microsoft Exchange Server 2013, 2016 et 2019 (sur site) présente quatre vulnérabilités (CVE-2021-26855, CVE-2021-26857, " +
      "CVE-2021-26858 et CVE-2021-27065, connues ensemble sous le nom de « ProxyLogon ») qui permettent à un attaquant, depuis " +
      "Internet, d’exécuter du code sur le serveur sans s’authentifier. Elles sont exploitées massivement depuis au moins le " +
      "26 février 2021, avant même la publication des correctifs de Microsoft le 2 mars 2021. Un serveur exposé sans correctif " +
      "doit être considéré comme potentiellement compromis, même une fois les correctifs installés.",
    actions: [
      "Appliquez les correctifs dès maintenant : installez la mise à jour de sécurité de Microsoft pour votre version d’Exchange, ou la dernière mise à jour cumulative.",
      "Si ce n’est pas possible aujourd’hui, appliquez les mesures d’atténuation de Microsoft (Exchange On-premises Mitigation Tool) et retirez Outlook Web Access d’Internet en attendant.",
      "Recherchez ensuite des traces de compromission (voir ci-dessous) : un correctif n’expulse pas un attaquant déjà présent.",
      "Indiquez-nous ce que vous avez fait au moyen du lien personnel figurant dans ce message.",
    ],
    compromiseCheck:
      "Vérifiez le serveur à la recherche de traces d’exploitation depuis le {since} :\n" +
      "- des webshells : fichiers .aspx inconnus dans les répertoires OWA et ECP (…\\FrontEnd\\HttpProxy\\owa\\auth\\ et …\\FrontEnd\\HttpProxy\\ecp\\auth\\) ainsi que dans inetpub\\wwwroot\\aspnet_client ;\n" +
      "- des connexions depuis des adresses IP étrangères inconnues dans les journaux IIS et Exchange (journaux HttpProxy) ;\n" +
      "- de l’activité en dehors des heures de bureau : connexions, nouveaux comptes, exportations de boîtes aux lettres, tâches planifiées.\n" +
      "Le Microsoft Safety Scanner (MSERT) et le script Test-ProxyLogon vous y aideront. Si vous trouvez quelque chose, ou en cas " +
      "de doute : conservez les journaux, n’effacez pas le serveur, réinitialisez les identifiants de tous les comptes qui l’ont " +
      "utilisé (y compris les comptes de service et d’administration) et signalez-le-nous.",
  },
  de: {
    summary:
      "Microsoft Exchange Server 2013, 2016 und 2019 (lokal betrieben) enthält vier Schwachstellen (CVE-2021-26855, " +
      "CVE-2021-26857, CVE-2021-26858 und CVE-2021-27065, zusammen als „ProxyLogon“ bekannt), über die ein Angreifer aus dem " +
      "Internet ohne Anmeldung Code auf dem Server ausführen kann. Sie werden seit mindestens 26. Februar 2021 massenhaft " +
      "ausgenutzt, also schon vor den Sicherheitsupdates, die Microsoft am 2. März 2021 veröffentlicht hat. Ein Server, der " +
      "ungepatcht erreichbar war, muss als möglicherweise kompromittiert gelten, auch wenn er inzwischen gepatcht ist.",
    actions: [
      "Patchen Sie jetzt: Installieren Sie das Sicherheitsupdate von Microsoft für Ihre Exchange-Version oder das neueste kumulative Update.",
      "Ist das heute nicht möglich, wenden Sie die Schutzmaßnahmen von Microsoft an (Exchange On-premises Mitigation Tool) und nehmen Sie Outlook Web Access vom Internet, bis Sie patchen können.",
      "Suchen Sie danach nach Spuren einer Kompromittierung (siehe unten): Ein Patch entfernt keinen Angreifer, der bereits im System ist.",
      "Teilen Sie uns über den persönlichen Link in dieser Nachricht mit, was Sie unternommen haben.",
    ],
    compromiseCheck:
      "Prüfen Sie den Server auf Spuren eines Angriffs seit dem {since}:\n" +
      "- Webshells: unbekannte .aspx-Dateien in den OWA- und ECP-Verzeichnissen (…\\FrontEnd\\HttpProxy\\owa\\auth\\ und …\\FrontEnd\\HttpProxy\\ecp\\auth\\) sowie in inetpub\\wwwroot\\aspnet_client;\n" +
      "- Verbindungen von unbekannten ausländischen IP-Adressen in den IIS- und Exchange-Protokollen (HttpProxy-Logs);\n" +
      "- Aktivität außerhalb der Bürozeiten: Anmeldungen, neue Konten, Postfachexporte, geplante Aufgaben.\n" +
      "Der Microsoft Safety Scanner (MSERT) und das Skript Test-ProxyLogon helfen dabei. Wenn Sie etwas finden oder unsicher sind: " +
      "Bewahren Sie die Protokolle auf, setzen Sie den Server nicht neu auf, setzen Sie die Zugangsdaten aller Konten zurück, die " +
      "ihn genutzt haben (auch Dienst- und Administratorkonten), und melden Sie es uns.",
  },
  en: {
    summary:
      "Microsoft Exchange Server 2013, 2016 and 2019 (on-premises) has four vulnerabilities (CVE-2021-26855, CVE-2021-26857, " +
      "CVE-2021-26858 and CVE-2021-27065, together known as “ProxyLogon”) that let an attacker on the internet run code on the " +
      "server without signing in. They have been exploited at scale since at least 26 February 2021, before Microsoft " +
      "released its patches on 2 March 2021. A server that was reachable unpatched must be treated as possibly compromised, " +
      "even once it is patched.",
    actions: [
      "Patch now: install Microsoft's security update for your Exchange version, or the latest cumulative update.",
      "If you cannot patch today, apply Microsoft's mitigation (the Exchange On-premises Mitigation Tool) and take Outlook Web Access off the internet until you can.",
      "Then look for signs of compromise (see below): a patch does not remove an attacker who is already in.",
      "Tell us what you did through the personal link in this message.",
    ],
    compromiseCheck:
      "Check the server for signs of exploitation since {since}:\n" +
      "- web shells: unknown .aspx files in the OWA and ECP directories (…\\FrontEnd\\HttpProxy\\owa\\auth\\ and …\\FrontEnd\\HttpProxy\\ecp\\auth\\) and in inetpub\\wwwroot\\aspnet_client;\n" +
      "- connections from unknown foreign IP addresses in the IIS and Exchange logs (HttpProxy logs);\n" +
      "- activity outside office hours: sign-ins, new accounts, mailbox exports, scheduled tasks.\n" +
      "Microsoft's Safety Scanner (MSERT) and the Test-ProxyLogon script help. If you find anything, or are unsure: keep the " +
      "logs, do not wipe the server, reset the credentials of every account that used it (service and administrator accounts " +
      "too) and report it to us.",
  },
};

export function proxyLogonCampaign(certWebsite: string): CampaignInput {
  const advice = (lang: Lang) => ({ ...ADVICE[lang], links: links(lang, certWebsite) });
  return {
    name: PROXYLOGON_NAME,
    description:
      "Leaked list of Exchange servers reachable from the internet and still unpatched against ProxyLogon. " +
      "Exploited at scale since at least 26 February 2021.",
    cves: ["CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065"],
    rsitClass: "vulnerable",
    rsitType: "vulnerable-system",
    severity: "critical",
    tlp: "AMBER",
    compromiseSince: "2021-02-26T00:00:00.000Z",
    reminderEveryDays: 7,
    advice: { nl: advice("nl"), fr: advice("fr"), de: advice("de"), en: advice("en") },
  };
}
