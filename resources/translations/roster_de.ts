<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Roster</source>
        <translation>Über Roster</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Roster %1&lt;/h2&gt;&lt;p&gt;Browse the users of an organization held by an identity or access provider, inspect their roles, permissions and invitations, and export them to CSV.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License, Version 2.0.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Roster %1&lt;/h2&gt;&lt;p&gt;Durchsuchen Sie die Benutzer einer Organisation bei einem Identitäts- oder Zugriffsanbieter, prüfen Sie ihre Rollen, Berechtigungen und Einladungen und exportieren Sie sie als CSV.&lt;/p&gt;&lt;p&gt;Lizenziert unter der Apache License, Version 2.0.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AccessReview</name>
    <message>
        <source>%1 (failed after %L2 rows, which are in the file)</source>
        <translation>%1 (fehlgeschlagen nach %L2 Zeilen, die in der Datei stehen)</translation>
    </message>
    <message>
        <source>The review was cancelled.</source>
        <translation>Die Überprüfung wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 accounts of %2 people from %n profile(s) to %3.</source>
        <translation>
            <numerusform>%1 Konten von %2 Personen aus %n Profil nach %3 geschrieben.</numerusform>
            <numerusform>%1 Konten von %2 Personen aus %n Profilen nach %3 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 people have accounts in more than one profile; %2 accounts have no email; %3 inactive or pending accounts still hold roles.</source>
        <translation>%1 Personen haben Konten in mehr als einem Profil; %2 Konten haben keine E-Mail-Adresse; %3 inaktive oder ausstehende Konten haben noch Rollen.</translation>
    </message>
    <message>
        <source>Incomplete: left out %1.</source>
        <translation>Unvollständig: ausgelassen %1.</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>roster: unknown command &quot;%1&quot;</source>
        <translation>roster: unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>Serve the sandbox provider APIs on 127.0.0.1 until stopped.</source>
        <translation>Stellt die Anbieter-APIs der Sandbox auf 127.0.0.1 bereit, bis sie beendet wird.</translation>
    </message>
    <message>
        <source>TCP port (default: any free port).</source>
        <translation>TCP-Port (Standard: ein freier Port).</translation>
    </message>
    <message>
        <source>Users per organization (default 25000).</source>
        <translation>Benutzer pro Organisation (Standard 25000).</translation>
    </message>
    <message>
        <source>Latency per response in ms (default 60).</source>
        <translation>Latenz pro Antwort in ms (Standard 60).</translation>
    </message>
    <message>
        <source>roster sandbox: --port must be a number from 0 to 65535</source>
        <translation>roster sandbox: --port muss eine Zahl von 0 bis 65535 sein</translation>
    </message>
    <message>
        <source>roster sandbox: --users must be a number from 0 to 10000000</source>
        <translation>roster sandbox: --users muss eine Zahl von 0 bis 10000000 sein</translation>
    </message>
    <message>
        <source>roster sandbox: --latency must be a number of milliseconds from 0 to 60000</source>
        <translation>roster sandbox: --latency muss eine Anzahl Millisekunden von 0 bis 60000 sein</translation>
    </message>
    <message>
        <source>roster sandbox: cannot listen on 127.0.0.1:%1</source>
        <translation>roster sandbox: kann nicht auf 127.0.0.1:%1 lauschen</translation>
    </message>
    <message>
        <source>Sandbox serving on %1 (%2 users per organization, %3 ms latency).</source>
        <translation>Sandbox läuft auf %1 (%2 Benutzer pro Organisation, %3 ms Latenz).</translation>
    </message>
    <message>
        <source>Demo profiles (token: %1):</source>
        <translation>Demo-Profile (Token: %1):</translation>
    </message>
    <message>
        <source>roster: the profiles file %1 has problems:</source>
        <translation>roster: die Profildatei %1 hat Fehler:</translation>
    </message>
    <message>
        <source>List the configured profiles.</source>
        <translation>Listet die eingerichteten Profile auf.</translation>
    </message>
    <message>
        <source>Profiles file (default: $ROSTER_CONFIG or %1).</source>
        <translation>Profildatei (Standard: $ROSTER_CONFIG oder %1).</translation>
    </message>
    <message>
        <source>List the built-in demo profiles.</source>
        <translation>Listet die eingebauten Demo-Profile auf.</translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation>unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>Fetch every page of a profile&apos;s organization and write CSV.</source>
        <translation>Lädt jede Seite der Organisation eines Profils und schreibt CSV.</translation>
    </message>
    <message>
        <source>The profile to export.</source>
        <translation>Das zu exportierende Profil.</translation>
    </message>
    <message>
        <source>The CSV file to write, or - for standard output.</source>
        <translation>Die zu schreibende CSV-Datei, oder - für die Standardausgabe.</translation>
    </message>
    <message>
        <source>Column keys, comma separated, in output order (default: %1).</source>
        <translation>Spaltenschlüssel, durch Kommas getrennt, in Ausgabereihenfolge (Standard: %1).</translation>
    </message>
    <message>
        <source>Start the file with a UTF-8 byte-order mark (for spreadsheets).</source>
        <translation>Die Datei mit einer UTF-8-Bytereihenfolgemarke beginnen (für Tabellenkalkulationen).</translation>
    </message>
    <message>
        <source>Do not prefix &apos; to cells that start with = + - @ TAB or CR.</source>
        <translation>Zellen, die mit = + - @ TAB oder CR beginnen, kein &apos; voranstellen.</translation>
    </message>
    <message>
        <source>Use the built-in sandbox and its demo profiles.</source>
        <translation>Die eingebaute Sandbox und ihre Demo-Profile verwenden.</translation>
    </message>
    <message>
        <source>Print nothing but errors.</source>
        <translation>Nur Fehler ausgeben.</translation>
    </message>
    <message>
        <source>Pages fetched at once where the provider allows it (default 4).</source>
        <translation>Gleichzeitig geladene Seiten, wo der Anbieter es erlaubt (Standard 4).</translation>
    </message>
    <message>
        <source>roster export: unexpected argument &quot;%1&quot;</source>
        <translation>roster export: unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>roster export: --profile NAME is required (see `roster profiles`)</source>
        <translation>roster export: --profile NAME ist erforderlich (siehe `roster profiles`)</translation>
    </message>
    <message>
        <source>roster export: --output FILE is required (use - for standard output)</source>
        <translation>roster export: --output DATEI ist erforderlich (- für die Standardausgabe)</translation>
    </message>
    <message>
        <source>roster export: unknown column key &quot;%1&quot; in --columns (known keys: %2)</source>
        <translation>roster export: unbekannter Spaltenschlüssel „%1“ in --columns (bekannte Schlüssel: %2)</translation>
    </message>
    <message>
        <source>roster export: --parallel must be a number from 1 to 16</source>
        <translation>roster export: --parallel muss eine Zahl von 1 bis 16 sein</translation>
    </message>
    <message>
        <source>roster export: no profile named &quot;%1&quot; (profiles: %2)</source>
        <translation>roster export: kein Profil namens „%1“ (Profile: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>roster export: cannot write to standard output</source>
        <translation>roster export: kann nicht in die Standardausgabe schreiben</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>%1%2 rows, %3 rows/s</source>
        <translation>%1%2 Zeilen, %3 Zeilen/s</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2.</source>
        <translation>%1 Zeilen nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>Standardausgabe</translation>
    </message>
    <message>
        <source>roster export: profile &quot;%1&quot; failed: %2</source>
        <translation>roster export: Profil „%1“ fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>  Nothing was written; %1 was left as it was.</source>
        <translation>  Es wurde nichts geschrieben; %1 blieb unverändert.</translation>
    </message>
    <message>
        <source>Browse and export the users of identity and access providers.</source>
        <translation>Benutzer von Identitäts- und Zugriffsanbietern durchsuchen und exportieren.</translation>
    </message>
    <message>
        <source>Open the built-in demo sandbox.</source>
        <translation>Die eingebaute Demo-Sandbox öffnen.</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>The demo sandbox could not listen on 127.0.0.1.</source>
        <translation>Die Demo-Sandbox konnte nicht auf 127.0.0.1 lauschen.</translation>
    </message>
    <message>
        <source>The profiles file %1 has problems, so no profile was loaded:

%2

Fix the file and start Roster again; profiles you add now would replace it.</source>
        <translation>Die Profildatei %1 hat Fehler, daher wurde kein Profil geladen:

%2

Korrigieren Sie die Datei und starten Sie Roster neu; jetzt hinzugefügte Profile würden sie ersetzen.</translation>
    </message>
    <message>
        <source>Welcome to Roster</source>
        <translation>Willkommen bei Roster</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <source>&amp;Add a profile</source>
        <translation>Profil &amp;hinzufügen</translation>
    </message>
    <message>
        <source>roster profiles: there are no profiles yet; they would be read from %1 (add them in the window, or write that file; `roster --demo` shows examples).</source>
        <translation>roster profiles: es gibt noch keine Profile; sie würden aus %1 gelesen (legen Sie sie im Fenster an oder schreiben Sie diese Datei; `roster --demo` zeigt Beispiele).</translation>
    </message>
    <message>
        <source>roster export: --filter needs an expression or a word</source>
        <translation>roster export: --filter braucht einen Ausdruck oder ein Wort</translation>
    </message>
    <message>
        <source>Only the users the server finds: a SCIM filter such as &apos;active eq false&apos;, or a word matched against user name, email, family name and display name (kinds that search on the server only).</source>
        <translation>Nur die Benutzer, die der Server findet: ein SCIM-Filter wie &apos;active eq false&apos; oder ein Wort, das mit Benutzername, E-Mail, Nachname und Anzeigename verglichen wird (nur Arten, die auf dem Server suchen).</translation>
    </message>
    <message>
        <source>roster export: --filter: profile &quot;%1&quot; is of kind %2, which cannot search on the server (kinds that can: %3)</source>
        <translation>roster export: --filter: Profil &quot;%1&quot; ist von der Art %2, die nicht auf dem Server suchen kann (Arten, die es können: %3)</translation>
    </message>
    <message>
        <source>roster %1: --profiles needs at least one profile name</source>
        <translation>roster %1: --profiles braucht mindestens einen Profilnamen</translation>
    </message>
    <message>
        <source>Find one person&apos;s accounts in every profile (or those named).</source>
        <translation>Die Konten einer Person in allen Profilen (oder den genannten) finden.</translation>
    </message>
    <message>
        <source>The profiles to search, comma separated (default: all).</source>
        <translation>Die zu durchsuchenden Profile, durch Kommas getrennt (Vorgabe: alle).</translation>
    </message>
    <message>
        <source>Compare emails exactly (do not set +tags aside).</source>
        <translation>E-Mail-Adressen genau vergleichen (+Zusätze nicht übergehen).</translation>
    </message>
    <message>
        <source>The CSV file to write, or - for standard output (the default).</source>
        <translation>Die zu schreibende CSV-Datei oder - für die Standardausgabe (Vorgabe).</translation>
    </message>
    <message>
        <source>An email address or a name.</source>
        <translation>Eine E-Mail-Adresse oder ein Name.</translation>
    </message>
    <message>
        <source>roster find: give one TEXT to look for: an email or a name (quote a name with spaces)</source>
        <translation>roster find: Geben Sie einen TEXT an, nach dem gesucht wird: eine E-Mail-Adresse oder einen Namen (Namen mit Leerzeichen in Anführungszeichen)</translation>
    </message>
    <message>
        <source>roster find: --output needs a file name, or - for standard output</source>
        <translation>roster find: --output braucht einen Dateinamen oder - für die Standardausgabe</translation>
    </message>
    <message>
        <source>Write every user of every profile (or those named) to one CSV for an access review.</source>
        <translation>Alle Benutzer aller Profile (oder der genannten) für eine Zugriffsüberprüfung in eine CSV-Datei schreiben.</translation>
    </message>
    <message>
        <source>The profiles to review, comma separated (default: all).</source>
        <translation>Die zu überprüfenden Profile, durch Kommas getrennt (Vorgabe: alle).</translation>
    </message>
    <message>
        <source>Column keys after person, profile and kind, comma separated (default: %1).</source>
        <translation>Spaltenschlüssel nach person, profile und kind, durch Kommas getrennt (Vorgabe: %1).</translation>
    </message>
    <message>
        <source>Leave out profiles that fail (named in the summary) instead of failing.</source>
        <translation>Fehlschlagende Profile auslassen (in der Zusammenfassung genannt), statt abzubrechen.</translation>
    </message>
    <message>
        <source>Print nothing but errors and what was left out.</source>
        <translation>Nur Fehler und Ausgelassenes ausgeben.</translation>
    </message>
    <message>
        <source>roster review: unexpected argument &quot;%1&quot;</source>
        <translation>roster review: unerwartetes Argument &quot;%1&quot;</translation>
    </message>
    <message>
        <source>roster review: --output FILE is required (use - for standard output)</source>
        <translation>roster review: --output DATEI ist erforderlich (- für die Standardausgabe)</translation>
    </message>
    <message>
        <source>roster review: unknown column key &quot;%1&quot; in --columns (known keys: %2)</source>
        <translation>roster review: unbekannter Spaltenschlüssel &quot;%1&quot; in --columns (bekannte Schlüssel: %2)</translation>
    </message>
    <message>
        <source>roster find: profile &quot;%1&quot; failed: %2</source>
        <translation>roster find: Profil &quot;%1&quot; fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Found %1 account(s) for &quot;%2&quot; in %3 of %4 profile(s).</source>
        <translation>%1 Konto/Konten für &quot;%2&quot; in %3 von %4 Profil(en) gefunden.</translation>
    </message>
    <message>
        <source>Not found in %1 profile(s): %2</source>
        <translation>Nicht gefunden in %1 Profil(en): %2</translation>
    </message>
    <message>
        <source>Not searched, because they failed: %1</source>
        <translation>Nicht durchsucht, weil sie fehlschlugen: %1</translation>
    </message>
    <message>
        <source>roster review: left out &quot;%1&quot;: %2</source>
        <translation>roster review: ausgelassen &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>%1 (%2 of %3): %4%5 rows</source>
        <translation>%1 (%2 von %3): %4%5 Zeilen</translation>
    </message>
    <message>
        <source>roster review: profile &quot;%1&quot; failed: %2</source>
        <translation>roster review: Profil &quot;%1&quot; fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>  Nothing was written; %1 was left as it was (--skip-failed leaves failing profiles out instead).</source>
        <translation>  Nichts wurde geschrieben; %1 blieb unverändert (--skip-failed lässt fehlschlagende Profile stattdessen aus).</translation>
    </message>
    <message>
        <source>roster review: INCOMPLETE, left out: %1</source>
        <translation>roster review: UNVOLLSTÄNDIG, ausgelassen: %1</translation>
    </message>
    <message>
        <source>roster %1: no profile named &quot;%2&quot;</source>
        <translation>roster %1: kein Profil namens &quot;%2&quot;</translation>
    </message>
    <message>
        <source>roster %1: cannot start the demo sandbox on 127.0.0.1</source>
        <translation>roster %1: kann die Demo-Sandbox auf 127.0.0.1 nicht starten</translation>
    </message>
    <message>
        <source>There are no profiles yet. You can look around in the demo sandbox, which serves all five provider APIs on this computer with made-up users, or add your first profile.</source>
        <translation>Es gibt noch keine Profile. Sie können sich in der Demo-Sandbox umsehen, die alle fünf Anbieter-APIs mit erfundenen Benutzern auf diesem Computer bereitstellt, oder Ihr erstes Profil anlegen.</translation>
    </message>
    <message>
        <source>roster %1: cannot write to standard output</source>
        <translation>roster %1: kann nicht in die Standardausgabe schreiben</translation>
    </message>
    <message>
        <source>Serve HTTPS with a certificate from a throwaway CA (needs the openssl command).</source>
        <translation>HTTPS mit einem Zertifikat einer Wegwerf-CA ausliefern (braucht den Befehl openssl).</translation>
    </message>
    <message>
        <source>Where to write the CA (default: a new temporary folder).</source>
        <translation>Wohin die CA geschrieben wird (Standard: ein neuer temporärer Ordner).</translation>
    </message>
    <message>
        <source>roster sandbox: cannot make a certificate: %1</source>
        <translation>roster sandbox: kann kein Zertifikat erzeugen: %1</translation>
    </message>
    <message>
        <source>Its certificate comes from a throwaway CA, %1: give profiles &quot;caFile&quot;: &quot;%1&quot;, or set SSL_CERT_FILE=%1 (curl: --cacert %1).</source>
        <translation>Ihr Zertifikat stammt von einer Wegwerf-CA, %1: Profilen &quot;caFile&quot;: &quot;%1&quot; geben oder SSL_CERT_FILE=%1 setzen (curl: --cacert %1).</translation>
    </message>
    <message>
        <source>roster export: --resume continues an export to a file, not to standard output</source>
        <translation>roster export: --resume setzt einen Export in eine Datei fort, nicht auf die Standardausgabe</translation>
    </message>
    <message>
        <source>Continue an export to FILE that stopped, from its checkpoint FILE.partial.json (the same profile, columns and options).</source>
        <translation>Einen angehaltenen Export nach DATEI an seinem Prüfpunkt DATEI.partial.json fortsetzen (dasselbe Profil, dieselben Spalten und Optionen).</translation>
    </message>
    <message>
        <source>roster export: interrupted</source>
        <translation>roster export: unterbrochen</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2 (%3 of them kept from before).</source>
        <translation>%1 Zeilen nach %2 geschrieben (%3 davon von vorher behalten).</translation>
    </message>
    <message>
        <source>  %1 was left as it was. The %2 rows read so far are kept in %3; run the same command with --resume to continue.</source>
        <translation>  %1 blieb, wie es war. Die %2 bisher gelesenen Zeilen sind in %3 aufbewahrt; derselbe Befehl mit --resume setzt fort.</translation>
    </message>
    <message>
        <source>History store (default: $ROSTER_STORE or %1).</source>
        <translation>Verlaufsspeicher (Vorgabe: $ROSTER_STORE oder %1).</translation>
    </message>
    <message>
        <source>Keep the same read as a snapshot in the history store as well.</source>
        <translation>Dasselbe Lesen zusätzlich als Momentaufnahme im Verlaufsspeicher behalten.</translation>
    </message>
    <message>
        <source>Read every user of every profile (or those named) into a dated snapshot in the history store, and print its id.</source>
        <translation>Jeden Benutzer jedes Profils (oder der genannten) in eine datierte Momentaufnahme im Verlaufsspeicher lesen und ihre Nummer ausgeben.</translation>
    </message>
    <message>
        <source>The profiles to read, comma separated (default: all).</source>
        <translation>Die zu lesenden Profile, durch Kommas getrennt (Vorgabe: alle).</translation>
    </message>
    <message>
        <source>Print nothing but errors and the snapshot&apos;s id.</source>
        <translation>Nur Fehler und die Nummer der Momentaufnahme ausgeben.</translation>
    </message>
    <message>
        <source>roster snapshot: unexpected argument &quot;%1&quot;</source>
        <translation>roster snapshot: unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>List, verify or delete the snapshots in the history store.</source>
        <translation>Die Momentaufnahmen im Verlaufsspeicher auflisten, prüfen oder löschen.</translation>
    </message>
    <message>
        <source>Recompute snapshot ID&apos;s checksums: exit 1 when its rows were changed.</source>
        <translation>Die Prüfsummen der Momentaufnahme ID neu berechnen: Exit 1, wenn ihre Zeilen geändert wurden.</translation>
    </message>
    <message>
        <source>Delete snapshot ID.</source>
        <translation>Momentaufnahme ID löschen.</translation>
    </message>
    <message>
        <source>Delete the snapshots taken more than DAYS days ago.</source>
        <translation>Die Momentaufnahmen löschen, die vor mehr als TAGE Tagen aufgenommen wurden.</translation>
    </message>
    <message>
        <source>roster snapshots: unexpected argument &quot;%1&quot;</source>
        <translation>roster snapshots: unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>roster snapshots: give one of %1, not several</source>
        <translation>roster snapshots: geben Sie eines von %1 an, nicht mehrere</translation>
    </message>
    <message>
        <source>roster snapshots: --%1 needs a snapshot id (a number that roster snapshots lists), not &quot;%2&quot;</source>
        <translation>roster snapshots: --%1 braucht die Nummer einer Momentaufnahme (wie roster snapshots sie auflistet), nicht „%2“</translation>
    </message>
    <message>
        <source>roster snapshots: --delete-older-than needs a number of days, not &quot;%1&quot;</source>
        <translation>roster snapshots: --delete-older-than braucht eine Anzahl Tage, nicht „%1“</translation>
    </message>
    <message>
        <source>What changed between two snapshots: who joined, who left, and whose email, status, roles, groups or names changed, per profile, as CSV.</source>
        <translation>Was sich zwischen zwei Momentaufnahmen geändert hat: wer hinzukam, wer ging und wessen E-Mail, Status, Rollen, Gruppen oder Namen sich änderten, je Profil, als CSV.</translation>
    </message>
    <message>
        <source>The profiles to compare, comma separated (default: all).</source>
        <translation>Die zu vergleichenden Profile, durch Kommas getrennt (Vorgabe: alle).</translation>
    </message>
    <message>
        <source>Exit 0 even when a profile incomplete in either snapshot was left out.</source>
        <translation>Exit 0, auch wenn ein in einer der Momentaufnahmen unvollständiges Profil ausgelassen wurde.</translation>
    </message>
    <message>
        <source>A snapshot id, latest, previous, or a date YYYY-MM-DD (the last snapshot on or before it); default: previous.</source>
        <translation>Eine Nummer, latest, previous oder ein Datum JJJJ-MM-TT (die letzte Momentaufnahme an oder vor diesem Tag); Vorgabe: previous.</translation>
    </message>
    <message>
        <source>The same; default: latest.</source>
        <translation>Ebenso; Vorgabe: latest.</translation>
    </message>
    <message>
        <source>roster diff: give at most two snapshots, FROM and TO, not &quot;%1&quot;</source>
        <translation>roster diff: geben Sie höchstens zwei Momentaufnahmen an, FROM und TO, nicht „%1“</translation>
    </message>
    <message>
        <source>roster diff: --output needs a file name, or - for standard output</source>
        <translation>roster diff: --output braucht einen Dateinamen oder - für die Standardausgabe</translation>
    </message>
    <message>
        <source>roster snapshots: %1 holds no snapshot yet (roster snapshot takes one)</source>
        <translation>roster snapshots: %1 enthält noch keine Momentaufnahme (roster snapshot nimmt eine auf)</translation>
    </message>
    <message>
        <source>roster snapshots: snapshot %1 FAILED verification: the rows of %2 are not those its checksums were computed from</source>
        <translation>roster snapshots: Momentaufnahme %1 hat die Prüfung NICHT bestanden: die Zeilen von %2 sind nicht die, aus denen ihre Prüfsummen berechnet wurden</translation>
    </message>
    <message numerus="yes">
        <source>Snapshot %1 verified: %2 accounts in %n profile(s) match their checksums.</source>
        <translation>
            <numerusform>Momentaufnahme %1 geprüft: %2 Konten in %n Profil stimmen mit ihren Prüfsummen überein.</numerusform>
            <numerusform>Momentaufnahme %1 geprüft: %2 Konten in %n Profilen stimmen mit ihren Prüfsummen überein.</numerusform>
        </translation>
    </message>
    <message>
        <source>From snapshot %1 to snapshot %2:</source>
        <translation>Von Momentaufnahme %1 bis Momentaufnahme %2:</translation>
    </message>
    <message>
        <source>  %1: %2 joined, %3 left, %4 changed</source>
        <translation>  %1: %2 hinzugekommen, %3 gegangen, %4 geändert</translation>
    </message>
    <message>
        <source>roster diff: left out: %1</source>
        <translation>roster diff: ausgelassen: %1</translation>
    </message>
    <message>
        <source>roster diff: FROM and TO are the same snapshot (%1); name two</source>
        <translation>roster diff: FROM und TO sind dieselbe Momentaufnahme (%1); nennen Sie zwei</translation>
    </message>
    <message>
        <source>roster diff: no profile named &quot;%1&quot; in snapshot %2 or %3</source>
        <translation>roster diff: kein Profil namens „%1“ in Momentaufnahme %2 oder %3</translation>
    </message>
    <message>
        <source>Deleted snapshot %1.</source>
        <translation>Momentaufnahme %1 gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n snapshot(s) taken more than %1 day(s) ago.</source>
        <translation>
            <numerusform>%n Momentaufnahme gelöscht, die vor mehr als %1 Tag(en) aufgenommen wurde.</numerusform>
            <numerusform>%n Momentaufnahmen gelöscht, die vor mehr als %1 Tag(en) aufgenommen wurden.</numerusform>
        </translation>
    </message>
    <message>
        <source>roster snapshot: incomplete &quot;%1&quot;: %2</source>
        <translation>roster snapshot: unvollständig „%1“: %2</translation>
    </message>
    <message numerus="yes">
        <source>Snapshot %1: %2 accounts from %n profile(s), in %3.</source>
        <translation>
            <numerusform>Momentaufnahme %1: %2 Konten aus %n Profil, in %3.</numerusform>
            <numerusform>Momentaufnahme %1: %2 Konten aus %n Profilen, in %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>roster snapshot: INCOMPLETE, failed: %1 (kept, marked incomplete; a diff leaves them out)</source>
        <translation>roster snapshot: UNVOLLSTÄNDIG, fehlgeschlagen: %1 (behalten, als unvollständig markiert; ein Vergleich lässt sie aus)</translation>
    </message>
    <message>
        <source>  Saved as snapshot %1 in %2.</source>
        <translation>  Als Momentaufnahme %1 in %2 gespeichert.</translation>
    </message>
    <message>
        <source>Answer from each profile&apos;s latest complete snapshot instead of asking the servers (an as_of column says when it was taken).</source>
        <translation>Aus der letzten vollständigen Momentaufnahme jedes Profils antworten, statt die Server zu fragen (eine Spalte as_of sagt, wann sie aufgenommen wurde).</translation>
    </message>
    <message>
        <source>Found %1 account(s) for &quot;%2&quot; in %3 of %4 profile(s), from their latest snapshots.</source>
        <translation>%1 Konto/Konten für &quot;%2&quot; in %3 von %4 Profil(en) gefunden, aus ihren letzten Momentaufnahmen.</translation>
    </message>
    <message>
        <source>Not searched, because no complete snapshot holds them: %1</source>
        <translation>Nicht durchsucht, weil keine vollständige Momentaufnahme sie enthält: %1</translation>
    </message>
    <message>
        <source>Sign a profile in with its provider (profiles whose credential is oauth): in the browser, or with --device on another device.</source>
        <translation>Meldet ein Profil bei seinem Anbieter an (Profile mit dem Zugangsnachweis oauth): im Browser oder mit --device auf einem anderen Gerät.</translation>
    </message>
    <message>
        <source>Forget a signed-in profile&apos;s tokens.</source>
        <translation>Vergisst die Tokens eines angemeldeten Profils.</translation>
    </message>
    <message>
        <source>The profile to sign in or out.</source>
        <translation>Das Profil, das an- oder abgemeldet wird.</translation>
    </message>
    <message>
        <source>Sign in on another device: show a URL and a code instead of opening a browser (for SSH sessions and machines without one).</source>
        <translation>Auf einem anderen Gerät anmelden: zeigt eine Adresse und einen Code, statt einen Browser zu öffnen (für SSH-Sitzungen und Rechner ohne Browser).</translation>
    </message>
    <message>
        <source>roster %1: unexpected argument &quot;%2&quot;</source>
        <translation>roster %1: unerwartetes Argument „%2“</translation>
    </message>
    <message>
        <source>roster %1: --profile NAME is required</source>
        <translation>roster %1: --profile NAME fehlt</translation>
    </message>
    <message>
        <source>Usage:
  roster                         open the window
  roster --demo                  open the window on the built-in sandbox
  roster export  --profile NAME --output FILE [--columns KEYS] [--bom]
                 [--no-formula-guard] [--config FILE] [--demo] [--quiet] [--parallel N]
                 [--filter EXPR] [--resume]
  roster find TEXT [--profiles A,B] [--exact] [--output FILE|-] [--config FILE]
                 [--from-history [--store FILE]] [--demo] [--quiet]
  roster review --output FILE|- [--profiles A,B] [--columns KEYS] [--skip-failed]
                 [--save [--store FILE]] [--config FILE] [--demo] [--quiet]
  roster snapshot [--profiles A,B] [--store FILE] [--config FILE] [--demo] [--quiet]
  roster snapshots [--verify ID | --delete ID | --delete-older-than DAYS]
                 [--store FILE]
  roster diff [FROM [TO]] [--profiles A,B] [--output FILE|-] [--skip-incomplete]
                 [--store FILE] [--quiet]
  roster login --profile NAME [--device] [--config FILE]
  roster logout --profile NAME [--config FILE]
  roster profiles [--config FILE] [--demo]
  roster sandbox [--port N] [--users N] [--latency MS] [--tls [--tls-dir DIR]]
  roster --version | --help
</source>
        <translation>Aufruf:
  roster                         öffnet das Fenster
  roster --demo                  öffnet das Fenster mit der eingebauten Sandbox
  roster export  --profile NAME --output DATEI [--columns SCHLÜSSEL] [--bom]
                 [--no-formula-guard] [--config DATEI] [--demo] [--quiet] [--parallel N]
                 [--filter AUSDRUCK] [--resume]
  roster find TEXT [--profiles A,B] [--exact] [--output DATEI|-] [--config DATEI]
                 [--from-history [--store DATEI]] [--demo] [--quiet]
  roster review --output DATEI|- [--profiles A,B] [--columns SCHLÜSSEL] [--skip-failed]
                 [--save [--store DATEI]] [--config DATEI] [--demo] [--quiet]
  roster snapshot [--profiles A,B] [--store DATEI] [--config DATEI] [--demo] [--quiet]
  roster snapshots [--verify ID | --delete ID | --delete-older-than TAGE]
                 [--store DATEI]
  roster diff [FROM [TO]] [--profiles A,B] [--output DATEI|-] [--skip-incomplete]
                 [--store DATEI] [--quiet]
  roster login --profile NAME [--device] [--config DATEI]
  roster logout --profile NAME [--config DATEI]
  roster profiles [--config DATEI] [--demo]
  roster sandbox [--port N] [--users N] [--latency MS] [--tls [--tls-dir VERZEICHNIS]]
  roster --version | --help
</translation>
    </message>
    <message>
        <source>roster %1: profile &quot;%2&quot; does not sign in: its credential is not {&quot;oauth&quot;: ...} but a token from %3</source>
        <translation>roster %1: Profil „%2“ meldet sich nicht an: sein Zugangsnachweis ist nicht {&quot;oauth&quot;: ...}, sondern ein Token aus %3</translation>
    </message>
    <message>
        <source>the keychain</source>
        <translation>dem Schlüsselbund</translation>
    </message>
    <message>
        <source>the environment or a file</source>
        <translation>der Umgebung oder einer Datei</translation>
    </message>
    <message>
        <source>To sign in, open %1 on any device and enter the code:</source>
        <translation>Zum Anmelden auf einem beliebigen Gerät %1 öffnen und diesen Code eingeben:</translation>
    </message>
    <message>
        <source>(or open %1, which has the code filled in)</source>
        <translation>(oder %1 öffnen, dort ist der Code schon eingetragen)</translation>
    </message>
    <message>
        <source>Opened the sign-in page in your browser. If it did not open, visit:</source>
        <translation>Die Anmeldeseite wurde im Browser geöffnet. Falls nicht, diese Adresse öffnen:</translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in:</source>
        <translation>Zum Anmelden diese Adresse in einem Browser öffnen:</translation>
    </message>
    <message>
        <source>Signed in: profile &quot;%1&quot;.</source>
        <translation>Angemeldet: Profil „%1“.</translation>
    </message>
    <message>
        <source>Signed in: profile &quot;%1&quot; as %2.</source>
        <translation>Angemeldet: Profil „%1“ als %2.</translation>
    </message>
    <message>
        <source>Signed out: profile &quot;%1&quot;; its tokens are forgotten.</source>
        <translation>Abgemeldet: Profil „%1“; seine Tokens sind vergessen.</translation>
    </message>
    <message>
        <source>Its authorization server, for profiles that sign in: &quot;credential&quot;: {&quot;oauth&quot;: {&quot;issuer&quot;: &quot;%1&quot;, &quot;clientId&quot;: &quot;roster&quot;}} (every sign-in is approved at once).</source>
        <translation>Ihr Autorisierungsserver, für Profile, die sich anmelden: &quot;credential&quot;: {&quot;oauth&quot;: {&quot;issuer&quot;: &quot;%1&quot;, &quot;clientId&quot;: &quot;roster&quot;}} (jede Anmeldung wird sofort genehmigt).</translation>
    </message>
</context>
<context>
    <name>BrowserSignIn</name>
    <message>
        <source>cannot listen for the sign-in&apos;s redirect on 127.0.0.1:%1: %2</source>
        <translation>kann auf 127.0.0.1:%1 nicht auf die Weiterleitung der Anmeldung warten: %2</translation>
    </message>
    <message>
        <source>Reading the sign-in settings of %1...</source>
        <translation>Lese die Anmeldeeinstellungen von %1 …</translation>
    </message>
    <message>
        <source>the issuer names no usable authorization_endpoint; try signing in on another device (--device)</source>
        <translation>der Aussteller nennt keinen brauchbaren authorization_endpoint; Anmeldung auf einem anderen Gerät versuchen (--device)</translation>
    </message>
    <message>
        <source>the sign-in was not finished in the browser in time</source>
        <translation>die Anmeldung wurde im Browser nicht rechtzeitig abgeschlossen</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser...</source>
        <translation>Warte auf die Anmeldung im Browser …</translation>
    </message>
    <message>
        <source>Open the sign-in page in a browser to continue...</source>
        <translation>Zum Fortfahren die Anmeldeseite in einem Browser öffnen …</translation>
    </message>
    <message>
        <source>the browser came back with a state that this sign-in did not send; nothing was signed in</source>
        <translation>der Browser kam mit einem state zurück, den diese Anmeldung nicht gesendet hat; es wurde nichts angemeldet</translation>
    </message>
    <message>
        <source>the authorization server refused: %1</source>
        <translation>der Autorisierungsserver lehnte ab: %1</translation>
    </message>
    <message>
        <source>the authorization server refused: %1 (%2)</source>
        <translation>der Autorisierungsserver lehnte ab: %1 (%2)</translation>
    </message>
    <message>
        <source>the browser came back without an authorization code</source>
        <translation>der Browser kam ohne Autorisierungscode zurück</translation>
    </message>
    <message>
        <source>Signed in in the browser; getting the tokens...</source>
        <translation>Im Browser angemeldet; hole die Tokens …</translation>
    </message>
    <message>
        <source>the code could not be exchanged for tokens: %1</source>
        <translation>der Code konnte nicht gegen Tokens getauscht werden: %1</translation>
    </message>
    <message>
        <source>Signed in to Roster</source>
        <translation>Bei Roster angemeldet</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is signed in. You can close this tab.</source>
        <translation>Profil „%1“ ist angemeldet. Dieser Tab kann geschlossen werden.</translation>
    </message>
    <message>
        <source>Roster could not sign in</source>
        <translation>Roster konnte sich nicht anmelden</translation>
    </message>
    <message>
        <source>%1 You can close this tab.</source>
        <translation>%1 Dieser Tab kann geschlossen werden.</translation>
    </message>
</context>
<context>
    <name>CharParser</name>
    <message>
        <source>Expected a JSON array of directory users.</source>
        <translation>Ein JSON-Array von Verzeichnisbenutzern wurde erwartet.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without a Char error body.</source>
        <translation>Der Server antwortete mit HTTP %1 ohne Char-Fehlerinhalt.</translation>
    </message>
    <message>
        <source>Expected a JSON array of directories.</source>
        <translation>Ein JSON-Array von Verzeichnissen wurde erwartet.</translation>
    </message>
</context>
<context>
    <name>CharProvider</name>
    <message>
        <source>This token sees no directories.</source>
        <translation>Dieses Token sieht keine Verzeichnisse.</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 — %2 (%3 users) [%4]</source>
        <translation>%1 — %2 (%3 Benutzer) [%4]</translation>
    </message>
    <message>
        <source>Choose a directory</source>
        <translation>Verzeichnis wählen</translation>
    </message>
    <message>
        <source>Directories this token can see:</source>
        <translation>Verzeichnisse, die dieses Token sieht:</translation>
    </message>
    <message>
        <source>Char directory</source>
        <translation>Char-Verzeichnis</translation>
    </message>
    <message>
        <source>Directory id (UUID)</source>
        <translation>Verzeichnis-ID (UUID)</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Verzeichnis:</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>no credential is configured.</source>
        <translation>es ist keine Anmeldeinformation eingerichtet.</translation>
    </message>
    <message>
        <source>the environment variable %1 is not set.</source>
        <translation>die Umgebungsvariable %1 ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>the environment variable %1 is empty.</source>
        <translation>die Umgebungsvariable %1 ist leer.</translation>
    </message>
    <message>
        <source>cannot read the credential file %1: %2.</source>
        <translation>die Anmeldedatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>the credential file %1 is empty.</source>
        <translation>die Anmeldedatei %1 ist leer.</translation>
    </message>
    <message>
        <source>the keychain can only be read asynchronously.</source>
        <translation>der Schlüsselbund kann nur asynchron gelesen werden.</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s; is a secret service running?</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 s geantwortet; läuft ein Secret Service?</translation>
    </message>
    <message>
        <source>the keychain holds no secret for this profile; set one in the profile dialog.</source>
        <translation>der Schlüsselbund enthält kein Geheimnis für dieses Profil; legen Sie eines im Profildialog fest.</translation>
    </message>
    <message>
        <source>the keychain is unavailable: %1</source>
        <translation>der Schlüsselbund ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>the keychain entry is empty.</source>
        <translation>der Schlüsselbundeintrag ist leer.</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s.</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>could not store the secret in the keychain: %1</source>
        <translation>das Geheimnis konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>could not remove the secret from the keychain: %1</source>
        <translation>das Geheimnis konnte nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>Profil „%1“: %2</translation>
    </message>
    <message>
        <source>a signed-in profile&apos;s token can only be read asynchronously.</source>
        <translation>das Token eines angemeldeten Profils kann nur asynchron gelesen werden.</translation>
    </message>
</context>
<context>
    <name>CspParser</name>
    <message>
        <source>Expected a JSON object with &quot;results&quot;.</source>
        <translation>Ein JSON-Objekt mit „results“ wurde erwartet.</translation>
    </message>
    <message>
        <source>&quot;totalResults&quot; should be a number</source>
        <translation>„totalResults“ sollte eine Zahl sein</translation>
    </message>
    <message>
        <source>The page is empty but claims another page follows.</source>
        <translation>Die Seite ist leer, gibt aber an, dass eine weitere folgt.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without a CSP error body.</source>
        <translation>Der Server antwortete mit HTTP %1 ohne CSP-Fehlerinhalt.</translation>
    </message>
    <message>
        <source>The API token was refused (invalid_grant): it is expired or revoked. Generate a new API token in the CSP console.</source>
        <translation>Das API-Token wurde abgelehnt (invalid_grant): es ist abgelaufen oder widerrufen. Erzeugen Sie ein neues API-Token in der CSP-Konsole.</translation>
    </message>
    <message>
        <source>The API token could not be exchanged for an access token: %1</source>
        <translation>Das API-Token konnte nicht gegen ein Zugriffstoken getauscht werden: %1</translation>
    </message>
    <message>
        <source>The token exchange answered with an unreadable body: %1</source>
        <translation>Der Tokentausch antwortete mit einem unlesbaren Inhalt: %1</translation>
    </message>
    <message>
        <source>The token exchange returned no access_token.</source>
        <translation>Der Tokentausch lieferte kein access_token.</translation>
    </message>
</context>
<context>
    <name>CspProvider</name>
    <message>
        <source>Refused to follow a page link to another origin: %1</source>
        <translation>Einem Seitenlink zu einem anderen Ursprung wurde nicht gefolgt: %1</translation>
    </message>
    <message>
        <source>The token exchange failed: %1</source>
        <translation>Der Tokentausch ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>VMware Cloud Services (CSP)</source>
        <translation>VMware Cloud Services (CSP)</translation>
    </message>
    <message>
        <source>CSP &amp;token:</source>
        <translation>CSP-&amp;Token:</translation>
    </message>
    <message>
        <source>API token (exchanged)</source>
        <translation>API-Token (getauscht)</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>CSP auth h&amp;eader:</source>
        <translation>CSP-&amp;Kopfzeile:</translation>
    </message>
</context>
<context>
    <name>CsvOutput</name>
    <message>
        <source>the output</source>
        <translation>die Ausgabe</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the partial file %1 is missing</source>
        <translation>die Teildatei %1 fehlt</translation>
    </message>
    <message>
        <source>the partial file %1 is shorter (%L2 bytes) than its checkpoint says (%L3)</source>
        <translation>die Teildatei %1 ist kürzer (%L2 Bytes), als ihr Prüfpunkt angibt (%L3)</translation>
    </message>
    <message>
        <source>the partial file %1 is not what its checkpoint says: its first %L2 bytes have another SHA-256 (it was changed since)</source>
        <translation>die Teildatei %1 ist nicht, was ihr Prüfpunkt angibt: ihre ersten %L2 Bytes haben eine andere SHA-256 (sie wurde seitdem geändert)</translation>
    </message>
    <message>
        <source>cannot shorten %1 to its checkpoint: %2</source>
        <translation>kann %1 nicht auf ihren Prüfpunkt kürzen: %2</translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <source>Could not write the CSV data: %1</source>
        <translation>Die CSV-Daten konnten nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>DeviceSignIn</name>
    <message>
        <source>Reading the sign-in settings of %1...</source>
        <translation>Lese die Anmeldeeinstellungen von %1 …</translation>
    </message>
    <message>
        <source>the issuer names no device_authorization_endpoint, so it cannot sign in on another device; sign in in the browser instead</source>
        <translation>der Aussteller nennt keinen device_authorization_endpoint, daher ist keine Anmeldung auf einem anderen Gerät möglich; stattdessen im Browser anmelden</translation>
    </message>
    <message>
        <source>the device authorization answer lacks device_code, user_code or verification_uri</source>
        <translation>der Antwort der Geräteautorisierung fehlt device_code, user_code oder verification_uri</translation>
    </message>
    <message>
        <source>the device sign-in could not start: %1</source>
        <translation>die Anmeldung auf einem anderen Gerät konnte nicht beginnen: %1</translation>
    </message>
    <message>
        <source>the code was not entered before it expired; sign in again</source>
        <translation>der Code wurde nicht eingegeben, bevor er ablief; erneut anmelden</translation>
    </message>
    <message>
        <source>Waiting for the code to be entered at %1...</source>
        <translation>Warte auf die Eingabe des Codes unter %1 …</translation>
    </message>
    <message>
        <source>the code expired before it was entered; sign in again</source>
        <translation>der Code lief ab, bevor er eingegeben wurde; erneut anmelden</translation>
    </message>
    <message>
        <source>the sign-in was refused on the other device</source>
        <translation>die Anmeldung wurde auf dem anderen Gerät abgelehnt</translation>
    </message>
    <message>
        <source>the device sign-in failed: %1</source>
        <translation>die Anmeldung auf dem anderen Gerät ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ErrorPane</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Ask again for the page that failed; rows already loaded stay.</source>
        <translation>Die fehlgeschlagene Seite erneut anfordern; bereits geladene Zeilen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field errors&lt;/b&gt;</source>
        <translation>&lt;b&gt;Feldfehler&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>&lt;b&gt;Meta&lt;/b&gt;</source>
        <translation>&lt;b&gt;Metadaten&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Response body</source>
        <translation>Antwortinhalt</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>The provider gave no message.</source>
        <translation>Der Anbieter gab keine Meldung an.</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Error code:</source>
        <translation>Fehlercode:</translation>
    </message>
    <message>
        <source>Request ID:</source>
        <translation>Anfrage-ID:</translation>
    </message>
    <message>
        <source>Retry after:</source>
        <translation>Erneut versuchen nach:</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Versuche:</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Übertragung:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>[… the body was longer; the first %1 KiB are shown]</source>
        <translation>[… der Inhalt war länger; die ersten %1 KiB werden gezeigt]</translation>
    </message>
    <message>
        <source>(no body)</source>
        <translation>(kein Inhalt)</translation>
    </message>
    <message>
        <source>&amp;Sign In Again…</source>
        <translation>Erneut an&amp;melden …</translation>
    </message>
    <message>
        <source>Sign in to the provider again, then ask again for the page</source>
        <translation>Erneut beim Anbieter anmelden und die Seite dann noch einmal abrufen</translation>
    </message>
</context>
<context>
    <name>ExportCheckpoint</name>
    <message>
        <source>it is not a checkpoint this version of Roster wrote</source>
        <translation>es ist kein Prüfpunkt, den diese Version von Roster geschrieben hat</translation>
    </message>
    <message>
        <source>it is incomplete (a profile, the rows, the bytes and their SHA-256 are needed)</source>
        <translation>er ist unvollständig (ein Profil, die Zeilen, die Bytes und ihre SHA-256 werden gebraucht)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>there is no checkpoint %1 to continue from</source>
        <translation>es gibt keinen Prüfpunkt %1, an dem fortgesetzt werden könnte</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>kann %1 nicht lesen: %2</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>the checkpoint %1 cannot be used: %2</source>
        <translation>der Prüfpunkt %1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>%1 %2, not %3</source>
        <translation>%1 %2, nicht %3</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>with --bom, not without</source>
        <translation>mit --bom, nicht ohne</translation>
    </message>
    <message>
        <source>without --bom, not with</source>
        <translation>ohne --bom, nicht mit</translation>
    </message>
    <message>
        <source>with the formula guard, not --no-formula-guard</source>
        <translation>mit dem Formelschutz, nicht --no-formula-guard</translation>
    </message>
    <message>
        <source>with --no-formula-guard, not the formula guard</source>
        <translation>mit --no-formula-guard, nicht mit dem Formelschutz</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export all users</source>
        <translation>Alle Benutzer exportieren</translation>
    </message>
    <message>
        <source>Export selected users</source>
        <translation>Ausgewählte Benutzer exportieren</translation>
    </message>
    <message>
        <source>Every page of %1 (%2 users) is fetched straight into the file.</source>
        <translation>Jede Seite von %1 (%2 Benutzer) wird direkt in die Datei geladen.</translation>
    </message>
    <message>
        <source>Every page of %1 is fetched straight into the file.</source>
        <translation>Jede Seite von %1 wird direkt in die Datei geladen.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected row(s) of %1, in the table&apos;s order.</source>
        <translation>
            <numerusform>%n ausgewählte Zeile von %1, in der Reihenfolge der Tabelle.</numerusform>
            <numerusform>%n ausgewählte Zeilen von %1, in der Reihenfolge der Tabelle.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Tick the columns to write; drag them to change their order.</source>
        <translation>Haken Sie die zu schreibenden Spalten an; ziehen Sie sie, um die Reihenfolge zu ändern.</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>&amp;Spalten:</translation>
    </message>
    <message>
        <source>Start with a byte-order &amp;mark (helps some spreadsheet programs detect UTF-8)</source>
        <translation>Mit einer Bytereihenfolge&amp;marke beginnen (hilft manchen Tabellenkalkulationen, UTF-8 zu erkennen)</translation>
    </message>
    <message>
        <source>Protect against &amp;formulas: prefix &apos; to cells starting with = + - @ (not to plain numbers such as phone numbers)</source>
        <translation>Vor &amp;Formeln schützen: Zellen, die mit = + - @ beginnen, ein &apos; voranstellen (nicht bei reinen Zahlen wie Telefonnummern)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Tick at least one column.</source>
        <translation>Haken Sie mindestens eine Spalte an.</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Wählen Sie eine Datei zum Schreiben.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is a folder; add a file name.</source>
        <translation>%1 ist ein Ordner; fügen Sie einen Dateinamen hinzu.</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it when the export has finished?
(If the export fails or is cancelled, the file stays as it is.)</source>
        <translation>%1 existiert bereits. Nach Abschluss des Exports ersetzen?
(Schlägt der Export fehl oder wird er abgebrochen, bleibt die Datei unverändert.)</translation>
    </message>
    <message>
        <source>Export the users found</source>
        <translation>Gefundene Benutzer exportieren</translation>
    </message>
    <message>
        <source>The %1 users the server found in %2 for “%3” are fetched straight into the file.</source>
        <translation>Die %1 Benutzer, die der Server in %2 für „%3“ gefunden hat, werden direkt in die Datei geholt.</translation>
    </message>
    <message>
        <source>The users the server finds in %1 for “%2” are fetched straight into the file.</source>
        <translation>Die Benutzer, die der Server in %1 für „%2“ findet, werden direkt in die Datei geholt.</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>No provider to export from.</source>
        <translation>Kein Anbieter zum Exportieren.</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The organization changed during the export: the provider counted %L1 users when it started and %L2 when it ended; %L3 rows were written.</source>
        <translation>Die Organisation hat sich während des Exports geändert: Der Anbieter zählte zu Beginn %L1 Benutzer und am Ende %L2; %L3 Zeilen wurden geschrieben.</translation>
    </message>
    <message>
        <source>Only an export to a file can be resumed.</source>
        <translation>Nur ein Export in eine Datei kann fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Start the export again without resuming.</source>
        <translation>Starten Sie den Export neu, ohne fortzusetzen.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is of kind %2, which sends its whole organization in one answer: an export of it cannot continue where it stopped. %3</source>
        <translation>Profil „%1“ ist von der Art %2, die ihre ganze Organisation in einer Antwort schickt: ein Export davon kann nicht dort fortfahren, wo er anhielt. %3</translation>
    </message>
    <message>
        <source>Cannot resume: %1. %2</source>
        <translation>Fortsetzen nicht möglich: %1. %2</translation>
    </message>
    <message>
        <source>Cannot resume: the checkpoint %1 is for another export (%2). Run the export it was made for, or start this one again without resuming.</source>
        <translation>Fortsetzen nicht möglich: der Prüfpunkt %1 gehört zu einem anderen Export (%2). Führen Sie den Export aus, für den er angelegt wurde, oder starten Sie diesen neu, ohne fortzusetzen.</translation>
    </message>
    <message>
        <source>The provider no longer accepts the position this export stopped at; start the export again without resuming.</source>
        <translation>Der Anbieter nimmt die Stelle, an der dieser Export anhielt, nicht mehr an; starten Sie den Export neu, ohne fortzusetzen.</translation>
    </message>
</context>
<context>
    <name>ExportProgressDialog</name>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
    <message>
        <source>Export stopped</source>
        <translation>Export angehalten</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Discard rows</source>
        <translation>Zeilen &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Keep for later</source>
        <translation>Für &amp;später behalten</translation>
    </message>
    <message>
        <source>The rows read so far were discarded.</source>
        <translation>Die bisher gelesenen Zeilen wurden verworfen.</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>Find in all profiles</source>
        <translation>In allen Profilen suchen</translation>
    </message>
    <message>
        <source>&amp;Email or name:</source>
        <translation>&amp;E-Mail oder Name:</translation>
    </message>
    <message>
        <source>ada@example.com, or Ada Lovelace</source>
        <translation>ada@example.com oder Ada Lovelace</translation>
    </message>
    <message>
        <source>E&amp;xact email (do not set +tags aside)</source>
        <translation>E-Mail e&amp;xakt (+Zusätze nicht übergehen)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Select an account to see it in full, or a profile that failed to see its error.</source>
        <translation>Wählen Sie ein Konto, um es vollständig zu sehen, oder ein fehlgeschlagenes Profil, um seinen Fehler zu sehen.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation>Gefunden über</translation>
    </message>
    <message>
        <source>Type an email address or a name first.</source>
        <translation>Geben Sie zuerst eine E-Mail-Adresse oder einen Namen ein.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Frage den Server…</translation>
    </message>
    <message>
        <source>Checking %1 of %2 users (%3%)…</source>
        <translation>Prüfe %1 von %2 Benutzern (%3 %)…</translation>
    </message>
    <message>
        <source>Checking users: %1 so far…</source>
        <translation>Prüfe Benutzer: bisher %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n gefunden</numerusform>
            <numerusform>%n gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>searched on the server</source>
        <translation>auf dem Server gesucht</translation>
    </message>
    <message>
        <source>%1 users checked</source>
        <translation>%1 Benutzer geprüft</translation>
    </message>
    <message numerus="yes">
        <source>Found %n account(s) (%1)</source>
        <translation>
            <numerusform>%n Konto gefunden (%1)</numerusform>
            <numerusform>%n Konten gefunden (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found (%1)</source>
        <translation>Nicht gefunden (%1)</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Select the profile to see the error in full.</source>
        <translation>Wählen Sie das Profil, um den Fehler vollständig zu sehen.</translation>
    </message>
    <message>
        <source>Cancelled (%1 found before)</source>
        <translation>Abgebrochen (%1 vorher gefunden)</translation>
    </message>
    <message>
        <source>Type an email address (case and +tags do not matter unless Exact) or a name (word beginnings, accents do not matter) and press Return. Every checked profile is searched at once.</source>
        <translation>Geben Sie eine E-Mail-Adresse (Groß-/Kleinschreibung und +Zusätze zählen nur bei „exakt“) oder einen Namen (Wortanfänge, Akzente zählen nicht) ein und drücken Sie die Eingabetaste. Alle markierten Profile werden gleichzeitig durchsucht.</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) found</source>
        <translation>
            <numerusform>%n Konto gefunden</numerusform>
            <numerusform>%n Konten gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 of %2 profiles</source>
        <translation>in %1 von %2 Profilen</translation>
    </message>
    <message numerus="yes">
        <source>not found in %n profile(s)</source>
        <translation>
            <numerusform>in %n Profil nicht gefunden</numerusform>
            <numerusform>in %n Profilen nicht gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) failed</source>
        <translation>
            <numerusform>%n Profil fehlgeschlagen</numerusform>
            <numerusform>%n Profile fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>searching %1 more…</source>
        <translation>durchsuche noch %1…</translation>
    </message>
    <message>
        <source>Profiles searched</source>
        <translation>Durchsuchte Profile</translation>
    </message>
    <message>
        <source>Accounts found</source>
        <translation>Gefundene Konten</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message numerus="yes">
        <source>%n from snapshots, not confirmed live</source>
        <translation>
            <numerusform>%n aus Momentaufnahmen, live nicht bestätigt</numerusform>
            <numerusform>%n aus Momentaufnahmen, live nicht bestätigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer found</source>
        <translation>
            <numerusform>%n nicht mehr gefunden</numerusform>
            <numerusform>%n nicht mehr gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>As of %1, confirming…</source>
        <translation>Stand %1, wird bestätigt …</translation>
    </message>
    <message>
        <source>Live, new since %1</source>
        <translation>Live, neu seit %1</translation>
    </message>
    <message>
        <source>No longer found (as of %1)</source>
        <translation>Nicht mehr gefunden (Stand %1)</translation>
    </message>
    <message>
        <source>Snapshot taken %1</source>
        <translation>Momentaufnahme vom %1</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Dated snapshots of who has access, kept in %1 (never a credential). Select one snapshot to see what changed since the one before it, or two to compare them.</source>
        <translation>Datierte Momentaufnahmen, wer Zugriff hat, gespeichert in %1 (nie Zugangsdaten). Wählen Sie eine Momentaufnahme, um zu sehen, was sich seit der vorherigen geändert hat, oder zwei, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>The history cannot be opened: %1</source>
        <translation>Der Verlauf kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>&amp;Snapshots:</source>
        <translation>&amp;Momentaufnahmen:</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Momentaufnahmen</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Momentaufnahme</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Snapshot progress</source>
        <translation>Fortschritt der Momentaufnahme</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Take snapshot now</source>
        <translation>Momentaufnahme &amp;jetzt erstellen</translation>
    </message>
    <message>
        <source>&amp;Cancel snapshot</source>
        <translation>Momentaufnahme &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Every change</source>
        <translation>Jede Änderung</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>C&amp;hange:</source>
        <translation>Ä&amp;nderung:</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>Als CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Writes the rows shown, with the columns of roster diff</source>
        <translation>Schreibt die angezeigten Zeilen, mit den Spalten von roster diff</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>snapshot %1 (%2)</source>
        <translation>Momentaufnahme %1 (%2)</translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>Der Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (incomplete)</source>
        <translation>%1 (unvollständig)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>No snapshot yet. &quot;Take snapshot now&quot; reads every user of every profile and keeps them here; roster snapshot does the same from a script.</source>
        <translation>Noch keine Momentaufnahme. „Momentaufnahme jetzt erstellen“ liest alle Benutzer aller Profile und bewahrt sie hier auf; roster snapshot tut dasselbe aus einem Skript.</translation>
    </message>
    <message>
        <source>This is the first snapshot: there is nothing before it to compare with. Take another one later to see what changed.</source>
        <translation>Dies ist die erste Momentaufnahme: Es gibt keine frühere zum Vergleichen. Erstellen Sie später eine weitere, um zu sehen, was sich geändert hat.</translation>
    </message>
    <message>
        <source>Select a snapshot to see what changed since the one before it.</source>
        <translation>Wählen Sie eine Momentaufnahme, um zu sehen, was sich seit der vorherigen geändert hat.</translation>
    </message>
    <message>
        <source>Select one or two snapshots to compare.</source>
        <translation>Wählen Sie eine oder zwei Momentaufnahmen zum Vergleichen.</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>%1 wird mit %2 verglichen …</translation>
    </message>
    <message>
        <source>The snapshots cannot be compared: %1</source>
        <translation>Die Momentaufnahmen können nicht verglichen werden: %1</translation>
    </message>
    <message>
        <source>From %1 to %2:</source>
        <translation>Von %1 bis %2:</translation>
    </message>
    <message>
        <source>%1: %2 joined, %3 left, %4 changed</source>
        <translation>%1: %2 hinzugekommen, %3 gegangen, %4 geändert</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Ausgelassen: %1</translation>
    </message>
    <message>
        <source>No profile is in both snapshots.</source>
        <translation>Kein Profil ist in beiden Momentaufnahmen.</translation>
    </message>
    <message>
        <source>Every profile</source>
        <translation>Jedes Profil</translation>
    </message>
    <message>
        <source>Delete snapshots</source>
        <translation>Momentaufnahmen löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n snapshot(s) and every account they hold? This cannot be undone.</source>
        <translation>
            <numerusform>%n Momentaufnahme und alle ihre Konten löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Momentaufnahmen und alle ihre Konten löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Snapshot %1 was not deleted: %2</source>
        <translation>Momentaufnahme %1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>Export changes</source>
        <translation>Änderungen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2</source>
        <translation>%1 Zeilen nach %2 geschrieben</translation>
    </message>
    <message>
        <source>The changes were not written: %1
An existing file was left as it was.</source>
        <translation>Die Änderungen wurden nicht geschrieben: %1
Eine vorhandene Datei blieb unverändert.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message numerus="yes">
        <source>Taking a snapshot of %n profile(s)…</source>
        <translation>
            <numerusform>Momentaufnahme von %n Profil wird erstellt …</numerusform>
            <numerusform>Momentaufnahme von %n Profilen wird erstellt …</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 users</source>
        <translation>%1 Benutzer</translation>
    </message>
    <message>
        <source>Incomplete: %1</source>
        <translation>Unvollständig: %1</translation>
    </message>
    <message>
        <source>Snapshot %1 taken: %2 accounts.</source>
        <translation>Momentaufnahme %1 erstellt: %2 Konten.</translation>
    </message>
    <message>
        <source>Snapshot %1 taken, incomplete for %2.</source>
        <translation>Momentaufnahme %1 erstellt, unvollständig für %2.</translation>
    </message>
    <message>
        <source>Cancelled: no snapshot was kept.</source>
        <translation>Abgebrochen: Es wurde keine Momentaufnahme behalten.</translation>
    </message>
    <message>
        <source>No snapshot was kept: %1</source>
        <translation>Es wurde keine Momentaufnahme behalten: %1</translation>
    </message>
</context>
<context>
    <name>HistoryDiffModel</name>
    <message>
        <source>Joined</source>
        <translation>Hinzugekommen</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gegangen</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>(no email) %1</source>
        <translation>(keine E-Mail) %1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>HttpCall</name>
    <message>
        <source>The network manager is gone.</source>
        <translation>Der Netzwerkmanager existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The response announced %1 bytes, more than the limit of %2 bytes.</source>
        <translation>Die Antwort kündigte %1 Bytes an, mehr als die Grenze von %2 Bytes.</translation>
    </message>
    <message>
        <source>The response exceeded the limit of %1 bytes.</source>
        <translation>Die Antwort überschritt die Grenze von %1 Bytes.</translation>
    </message>
    <message>
        <source>No data arrived for %1 s.</source>
        <translation>Seit %1 s sind keine Daten angekommen.</translation>
    </message>
    <message>
        <source>Refused to follow a redirect from %1 to another origin, %2.</source>
        <translation>Einer Umleitung von %1 zu einem anderen Ursprung, %2, wurde nicht gefolgt.</translation>
    </message>
    <message>
        <source>Too many redirects.</source>
        <translation>Zu viele Umleitungen.</translation>
    </message>
    <message>
        <source>the proxy</source>
        <translation>der Proxy</translation>
    </message>
    <message>
        <source>%1 refused the proxy credentials (HTTP 407 Proxy Authentication Required). Give them with the profile&apos;s proxyCredential, or as user:password in the proxy URL of https_proxy or all_proxy.</source>
        <translation>%1 hat die Proxy-Zugangsdaten abgelehnt (HTTP 407 Proxy Authentication Required). Geben Sie sie mit proxyCredential im Profil an oder als benutzer:passwort in der Proxy-URL von https_proxy oder all_proxy.</translation>
    </message>
    <message>
        <source>Could not use %1: %2</source>
        <translation>%1 konnte nicht verwendet werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>The network did not come back within %n minute(s).</source>
        <translation>
            <numerusform>Das Netz kam nicht innerhalb von %n Minute zurück.</numerusform>
            <numerusform>Das Netz kam nicht innerhalb von %n Minuten zurück.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>The provider asked to wait; trying again in %1 s (attempt %2).</source>
        <translation>Der Anbieter bat zu warten; neuer Versuch in %1 s (Versuch %2).</translation>
    </message>
    <message>
        <source>Pacing requests under the provider&apos;s rate limit; the next goes in %1 s.</source>
        <translation>Anfragen werden unter dem Ratenlimit des Anbieters verteilt; die nächste folgt in %1 s.</translation>
    </message>
    <message numerus="yes">
        <source>The network is unreachable; waiting for it to come back (at most %n more minute(s)), then going on where it was.</source>
        <translation>
            <numerusform>Das Netz ist nicht erreichbar; es wird gewartet, bis es zurückkommt (höchstens noch %n Minute), dann geht es dort weiter, wo es war.</numerusform>
            <numerusform>Das Netz ist nicht erreichbar; es wird gewartet, bis es zurückkommt (höchstens noch %n Minuten), dann geht es dort weiter, wo es war.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonArrayReader</name>
    <message>
        <source>The body starts with a broken byte-order mark (byte %1).</source>
        <translation>Der Inhalt beginnt mit einer beschädigten Bytereihenfolgemarke (Byte %1).</translation>
    </message>
    <message>
        <source>Expected a JSON array at byte %1.</source>
        <translation>JSON-Array erwartet an Byte %1.</translation>
    </message>
    <message>
        <source>Expected a JSON object at byte %1.</source>
        <translation>JSON-Objekt erwartet an Byte %1.</translation>
    </message>
    <message>
        <source>Expected the member holding the array at byte %1.</source>
        <translation>Das Element mit dem Array wurde an Byte %1 erwartet.</translation>
    </message>
    <message>
        <source>Expected &quot;:&quot; at byte %1.</source>
        <translation>„:“ erwartet an Byte %1.</translation>
    </message>
    <message>
        <source>The member holding the array is not an array (byte %1).</source>
        <translation>Das Element, das das Array enthalten sollte, ist kein Array (Byte %1).</translation>
    </message>
    <message>
        <source>Expected a value at byte %1.</source>
        <translation>Wert erwartet an Byte %1.</translation>
    </message>
    <message>
        <source>The object has no member &quot;%2&quot; holding an array (byte %1).</source>
        <translation>Das Objekt hat kein Element „%2“ mit einem Array (Byte %1).</translation>
    </message>
    <message>
        <source>Expected &quot;,&quot; or &quot;}&quot; at byte %1.</source>
        <translation>„,“ oder „}“ erwartet an Byte %1.</translation>
    </message>
    <message>
        <source>Expected an array element at byte %1.</source>
        <translation>Array-Element erwartet an Byte %1.</translation>
    </message>
    <message>
        <source>The array element at byte %1 is larger than the limit of %2 bytes.</source>
        <translation>Das Array-Element an Byte %1 ist größer als die Grenze von %2 Bytes.</translation>
    </message>
    <message>
        <source>Expected &quot;,&quot; or &quot;]&quot; after an array element at byte %1.</source>
        <translation>„,“ oder „]“ nach einem Array-Element erwartet an Byte %1.</translation>
    </message>
    <message>
        <source>Unexpected data after the array at byte %1.</source>
        <translation>Unerwartete Daten nach dem Array an Byte %1.</translation>
    </message>
    <message>
        <source>The body is empty (byte %1).</source>
        <translation>Der Inhalt ist leer (Byte %1).</translation>
    </message>
    <message>
        <source>The array is not closed: the body ended at byte %1.</source>
        <translation>Das Array ist nicht geschlossen: Der Inhalt endete an Byte %1.</translation>
    </message>
</context>
<context>
    <name>KarmoParser</name>
    <message>
        <source>Expected a JSON object with &quot;users&quot; and &quot;pagination&quot;.</source>
        <translation>Ein JSON-Objekt mit „users“ und „pagination“ wurde erwartet.</translation>
    </message>
    <message>
        <source>The page is empty but claims another page follows.</source>
        <translation>Die Seite ist leer, gibt aber an, dass eine weitere folgt.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without a Karmo error body.</source>
        <translation>Der Server antwortete mit HTTP %1 ohne Karmo-Fehlerinhalt.</translation>
    </message>
    <message>
        <source>The access-management provider is not configured for this environment.</source>
        <translation>Der Zugriffsverwaltungsanbieter ist für diese Umgebung nicht eingerichtet.</translation>
    </message>
    <message>
        <source>The page says another page follows (&quot;hasNextPage&quot;: true) but gives no &quot;nextCursor&quot; to ask for it.</source>
        <translation>Die Seite sagt, dass eine weitere Seite folgt (&quot;hasNextPage&quot;: true), nennt aber keinen &quot;nextCursor&quot;, um sie abzurufen.</translation>
    </message>
</context>
<context>
    <name>KarmoProvider</name>
    <message>
        <source>Karmo (WorkOS mode)</source>
        <translation>Karmo (WorkOS-Modus)</translation>
    </message>
</context>
<context>
    <name>LlamaCloudParser</name>
    <message>
        <source>Expected a JSON array of memberships.</source>
        <translation>Ein JSON-Array von Mitgliedschaften wurde erwartet.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without a FastAPI error body.</source>
        <translation>Der Server antwortete mit HTTP %1 ohne FastAPI-Fehlerinhalt.</translation>
    </message>
    <message>
        <source>Validation error</source>
        <translation>Validierungsfehler</translation>
    </message>
    <message>
        <source>Request error</source>
        <translation>Anfragefehler</translation>
    </message>
</context>
<context>
    <name>LlamaCloudProvider</name>
    <message>
        <source>LlamaCloud</source>
        <translation>LlamaCloud</translation>
    </message>
    <message>
        <source>LlamaCloud &amp;auth:</source>
        <translation>LlamaCloud-&amp;Anmeldung:</translation>
    </message>
    <message>
        <source>Session cookie</source>
        <translation>Sitzungs-Cookie</translation>
    </message>
    <message>
        <source>Bearer API key</source>
        <translation>Bearer-API-Schlüssel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Roster — demo sandbox</source>
        <translation>Roster — Demo-Sandbox</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Load the organization again from the first page (F5)</source>
        <translation>Die Organisation ab der ersten Seite neu laden (F5)</translation>
    </message>
    <message>
        <source>Export &amp;selected…</source>
        <translation>&amp;Ausgewählte exportieren …</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;all…</source>
        <translation>A&amp;lle exportieren …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Fetch every page of the organization straight into a CSV file</source>
        <translation>Jede Seite der Organisation direkt in eine CSV-Datei laden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtern</translation>
    </message>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>Ausgewählte Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>Show &amp;error</source>
        <translation>&amp;Fehler anzeigen</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>&amp;Edit profiles…</source>
        <translation>Profile &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Roster</source>
        <translation>&amp;Über Roster</translation>
    </message>
    <message>
        <source>Profiles not saved</source>
        <translation>Profile nicht gespeichert</translation>
    </message>
    <message>
        <source>&amp;Load all rows</source>
        <translation>Alle Zeilen &amp;laden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+End</source>
        <translation>Ctrl+Shift+End</translation>
    </message>
    <message>
        <source>Fetch every remaining page (several at once where the provider allows it)</source>
        <translation>Alle übrigen Seiten laden (mehrere gleichzeitig, wo der Anbieter es erlaubt)</translation>
    </message>
    <message>
        <source>Access &amp;review…</source>
        <translation>Zugriffs&amp;überprüfung…</translation>
    </message>
    <message>
        <source>Every user of every profile in one CSV file, for an audit</source>
        <translation>Alle Benutzer aller Profile in einer CSV-Datei, für ein Audit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Find in &amp;all profiles…</source>
        <translation>In &amp;allen Profilen suchen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Where does this person have an account? Searches every profile at once</source>
        <translation>Wo hat diese Person ein Konto? Durchsucht alle Profile gleichzeitig</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf …</translation>
    </message>
    <message>
        <source>Dated snapshots of who has access, and what changed between two</source>
        <translation>Datierte Momentaufnahmen, wer Zugriff hat, und was sich zwischen zweien geändert hat</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Sign In on Another &amp;Device…</source>
        <translation>Auf anderem &amp;Gerät anmelden …</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Sign the shown profile in to its provider in the browser</source>
        <translation>Das angezeigte Profil im Browser bei seinem Anbieter anmelden</translation>
    </message>
    <message>
        <source>Sign in with a code on a phone or another computer, where this one has no browser</source>
        <translation>Mit einem Code auf einem Telefon oder einem anderen Rechner anmelden, wenn dieser keinen Browser hat</translation>
    </message>
    <message>
        <source>Forget the shown profile&apos;s sign-in: the keychain&apos;s token and the one in memory</source>
        <translation>Die Anmeldung des angezeigten Profils vergessen: das Token im Schlüsselbund und das im Speicher</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>Von %1 abgemeldet.</translation>
    </message>
</context>
<context>
    <name>OAuthClient</name>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>Profil „%1“: %2</translation>
    </message>
    <message>
        <source>the server answered HTTP %1 without an OAuth error</source>
        <translation>der Server antwortete HTTP %1 ohne OAuth-Fehler</translation>
    </message>
    <message>
        <source>the server refused: %1</source>
        <translation>der Server lehnte ab: %1</translation>
    </message>
    <message>
        <source>the server refused: %1 (%2)</source>
        <translation>der Server lehnte ab: %1 (%2)</translation>
    </message>
    <message>
        <source>HTTP %1 from %2</source>
        <translation>HTTP %1 von %2</translation>
    </message>
    <message>
        <source>cannot read the issuer&apos;s discovery document: %1</source>
        <translation>kann das Discovery-Dokument des Ausstellers nicht lesen: %1</translation>
    </message>
    <message>
        <source>the discovery document names the issuer &quot;%1&quot;, not &quot;%2&quot;</source>
        <translation>das Discovery-Dokument nennt den Aussteller „%1“, nicht „%2“</translation>
    </message>
    <message>
        <source>the discovery document names no usable token_endpoint (https, or http on a loopback host)</source>
        <translation>das Discovery-Dokument nennt keinen brauchbaren token_endpoint (https oder http auf einem Loopback-Host)</translation>
    </message>
    <message>
        <source>the authorization server&apos;s answer is not a JSON object (HTTP %1)</source>
        <translation>die Antwort des Autorisierungsservers ist kein JSON-Objekt (HTTP %1)</translation>
    </message>
</context>
<context>
    <name>OAuthSession</name>
    <message>
        <source>not signed in: run roster login --profile &quot;%1&quot;</source>
        <translation>nicht angemeldet: roster login --profile &quot;%1&quot; ausführen</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>Profil „%1“: %2</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the token could not be refreshed: %2</source>
        <translation>Profil „%1“: das Token konnte nicht erneuert werden: %2</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: the token endpoint&apos;s answer holds no access_token</source>
        <translation>Profil „%1“: die Antwort des Token-Endpunkts enthält kein access_token</translation>
    </message>
    <message>
        <source>the sign-in of profile &quot;%1&quot; has expired or was revoked (%2); sign in again: run roster login --profile &quot;%1&quot;, or &quot;Sign In Again…&quot; in the window</source>
        <translation>die Anmeldung von Profil „%1“ ist abgelaufen oder wurde widerrufen (%2); erneut anmelden: roster login --profile &quot;%1&quot; ausführen oder im Fenster „Erneut anmelden …“</translation>
    </message>
</context>
<context>
    <name>OffsetPager</name>
    <message>
        <source>The provider returned an empty page at item %1 of %2.</source>
        <translation>Der Anbieter lieferte bei Eintrag %1 von %2 eine leere Seite.</translation>
    </message>
    <message>
        <source>The profile was closed before its users were read.</source>
        <translation>Das Profil wurde geschlossen, bevor seine Benutzer gelesen waren.</translation>
    </message>
    <message>
        <source>The profile was closed while its users were being read.</source>
        <translation>Das Profil wurde geschlossen, während seine Benutzer gelesen wurden.</translation>
    </message>
</context>
<context>
    <name>PageWalker</name>
    <message>
        <source>The provider returned an empty page after %L1 users that says more follows.</source>
        <translation>Der Anbieter lieferte nach %L1 Benutzern eine leere Seite, die weitere Seiten ankündigt.</translation>
    </message>
    <message>
        <source>The provider announced %1 users but %2 were received.</source>
        <translation>Der Anbieter kündigte %1 Benutzer an, empfangen wurden aber %2.</translation>
    </message>
    <message>
        <source>The profile was closed while its users were being read.</source>
        <translation>Das Profil wurde geschlossen, während seine Benutzer gelesen wurden.</translation>
    </message>
    <message>
        <source>The profile was closed before its users were read.</source>
        <translation>Das Profil wurde geschlossen, bevor seine Benutzer gelesen waren.</translation>
    </message>
</context>
<context>
    <name>PeopleFinder</name>
    <message>
        <source>The search was cancelled.</source>
        <translation>Die Suche wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>PersonMatch</name>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>email without +tag</source>
        <translation>E-Mail ohne +Zusatz</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>These are the demo sandbox&apos;s profiles. Changes last until Roster is closed and are never saved.</source>
        <translation>Dies sind die Profile der Demo-Sandbox. Änderungen gelten, bis Roster geschlossen wird, und werden nie gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Wählen …</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>File (first line)</source>
        <translation>Datei (erste Zeile)</translation>
    </message>
    <message>
        <source>Demo token (not saved)</source>
        <translation>Demo-Token (nicht gespeichert)</translation>
    </message>
    <message>
        <source>&amp;Credential from:</source>
        <translation>Anmelde&amp;daten aus:</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <source>&amp;Variable or file:</source>
        <translation>&amp;Variable oder Datei:</translation>
    </message>
    <message>
        <source>Credential file</source>
        <translation>Anmeldedatei</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored secret</source>
        <translation>Leer lassen, um das gespeicherte Geheimnis zu behalten</translation>
    </message>
    <message>
        <source>Stored in the OS keychain, never in the profiles file.</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in der Profildatei.</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>&amp;Seitengröße:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Organization id</source>
        <translation>Organisations-ID</translation>
    </message>
    <message>
        <source>/path/to/token</source>
        <translation>/pfad/zum/token</translation>
    </message>
    <message>
        <source>VARIABLE_NAME</source>
        <translation>VARIABLENNAME</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>another profile has this name</source>
        <translation>ein anderes Profil hat diesen Namen</translation>
    </message>
    <message>
        <source>Fix the profiles marked with a warning first.</source>
        <translation>Korrigieren Sie zuerst die mit einer Warnung markierten Profile.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>New profile %1</source>
        <translation>Neues Profil %1</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile &quot;%1&quot;?</source>
        <translation>Das Profil „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Fix the profile first: %1</source>
        <translation>Korrigieren Sie zuerst das Profil: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden …</translation>
    </message>
    <message>
        <source>✘ %1</source>
        <translation>✘ %1</translation>
    </message>
    <message numerus="yes">
        <source>✔ Connected: the first page has %n user(s)</source>
        <translation>
            <numerusform>✔ Verbunden: die erste Seite hat %n Benutzer</numerusform>
            <numerusform>✔ Verbunden: die erste Seite hat %n Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>Fill in the base URL and credential first: %1</source>
        <translation>Füllen Sie zuerst Basis-URL und Anmeldedaten aus: %1</translation>
    </message>
    <message>
        <source>Secret not stored</source>
        <translation>Geheimnis nicht gespeichert</translation>
    </message>
    <message>
        <source>List the organizations this credential can see</source>
        <translation>Die Organisationen auflisten, die diese Anmeldedaten sehen</translation>
    </message>
    <message>
        <source>Listing organizations…</source>
        <translation>Organisationen werden aufgelistet …</translation>
    </message>
    <message numerus="yes">
        <source>✔ Connected: the first %n user(s) arrived</source>
        <translation>
            <numerusform>✔ Verbunden: der erste Benutzer ist angekommen</numerusform>
            <numerusform>✔ Verbunden: die ersten %n Benutzer sind angekommen</numerusform>
        </translation>
    </message>
    <message>
        <source>Brow&amp;se…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Only the system store (and SSL_CERT_FILE)</source>
        <translation>Nur der Zertifikatspeicher des Systems (und SSL_CERT_FILE)</translation>
    </message>
    <message>
        <source>A PEM file of the CAs this profile trusts besides the system store, for servers whose certificates come from your organization&apos;s own CA.</source>
        <translation>Eine PEM-Datei mit den CAs, denen dieses Profil zusätzlich zum Systemspeicher vertraut, für Server mit Zertifikaten der eigenen CA Ihrer Organisation.</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>CA-Datei wählen</translation>
    </message>
    <message>
        <source>Trusted &amp;CA file:</source>
        <translation>Vertraute &amp;CA-Datei:</translation>
    </message>
    <message>
        <source>CA certificates (PEM)</source>
        <translation>CA-Zertifikate (PEM)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>system (environment and desktop), none, or http://host:port</source>
        <translation>system (Umgebung und Desktop), none oder http://host:port</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>Certificate %1: %2</source>
        <translation>Zertifikat %1: %2</translation>
    </message>
    <message>
        <source>&quot;system&quot; follows https_proxy, all_proxy and no_proxy as curl does; &quot;none&quot; connects directly; a URL (http:// or socks5://) is this profile&apos;s own proxy. Its password never goes here: type the login below (kept in the OS keychain) or give proxyCredential in the profiles file.</source>
        <translation>&quot;system&quot; folgt https_proxy, all_proxy und no_proxy wie curl; &quot;none&quot; verbindet direkt; eine URL (http:// oder socks5://) ist der eigene Proxy dieses Profils. Sein Passwort gehört nie hierher: Geben Sie die Anmeldung unten ein (im Schlüsselbund des Systems gespeichert) oder proxyCredential in der Profildatei an.</translation>
    </message>
    <message>
        <source>user:password, kept in the OS keychain; empty keeps it</source>
        <translation>benutzer:passwort, im Schlüsselbund des Systems; leer lässt es unverändert</translation>
    </message>
    <message>
        <source>Proxy &amp;login:</source>
        <translation>Proxy-&amp;Anmeldung:</translation>
    </message>
    <message>
        <source>Sign in (OAuth)</source>
        <translation>Anmeldung (OAuth)</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>Ausstelle&amp;r:</translation>
    </message>
    <message>
        <source>Cli&amp;ent ID:</source>
        <translation>Cli&amp;ent-ID:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Scopes:</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>is missing or empty</source>
        <translation>fehlt oder ist leer</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot; (expected one of: %2)</source>
        <translation>unbekannte Art „%1“ (erwartet wird eine von: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL with a host</source>
        <translation>„%1“ ist keine http://- oder https://-URL mit Host</translation>
    </message>
    <message>
        <source>http:// is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost); use https://</source>
        <translation>http:// ist nur für Loopback-Hosts erlaubt (127.0.0.0/8, ::1, localhost); verwenden Sie https://</translation>
    </message>
    <message>
        <source>must not hold user info, a query or a fragment</source>
        <translation>darf keine Benutzerangaben, Abfrage oder Fragment enthalten</translation>
    </message>
    <message>
        <source>must not contain &apos;/&apos;</source>
        <translation>darf kein &apos;/&apos; enthalten</translation>
    </message>
    <message>
        <source>names an empty variable or path</source>
        <translation>nennt eine leere Variable oder einen leeren Pfad</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to %1</source>
        <translation>muss eine ganze Zahl von 1 bis %1 sein</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>muss eines davon sein: %1</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>kein gültiges JSON bei Position %1: %2</translation>
    </message>
    <message>
        <source>the top level must be an object with a &quot;profiles&quot; array</source>
        <translation>die oberste Ebene muss ein Objekt mit einem „profiles“-Array sein</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL</source>
        <translation>„%1“ ist keine gültige URL</translation>
    </message>
    <message>
        <source>must be {&quot;env&quot;: &quot;VAR&quot;}, {&quot;file&quot;: &quot;/path&quot;} or {&quot;keychain&quot;: true}</source>
        <translation>muss {&quot;env&quot;: &quot;VAR&quot;}, {&quot;file&quot;: &quot;/pfad&quot;} oder {&quot;keychain&quot;: true} sein</translation>
    </message>
    <message>
        <source>is used by an earlier profile; names must be unique</source>
        <translation>wird von einem früheren Profil verwendet; Namen müssen eindeutig sein</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>profiles file</source>
        <translation>Profildatei</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot;</source>
        <translation>Profil „%1“</translation>
    </message>
    <message>
        <source>profile #%1</source>
        <translation>Profil #%1</translation>
    </message>
    <message>
        <source>%1: field &quot;%2&quot;: %3</source>
        <translation>%1: Feld „%2“: %3</translation>
    </message>
    <message>
        <source>must be &quot;system&quot;, &quot;none&quot; or a URL such as http://proxy.example:3128 or socks5://proxy.example:1080</source>
        <translation>muss &quot;system&quot;, &quot;none&quot; oder eine URL wie http://proxy.example:3128 oder socks5://proxy.example:1080 sein</translation>
    </message>
    <message>
        <source>must not hold a password; give it with &quot;proxyCredential&quot;</source>
        <translation>darf kein Passwort enthalten; geben Sie es mit &quot;proxyCredential&quot; an</translation>
    </message>
    <message>
        <source>must be only scheme://host:port</source>
        <translation>darf nur schema://host:port sein</translation>
    </message>
    <message>
        <source>needs a &quot;proxy&quot; URL to be used with (a system proxy takes its credentials from its URL, as curl does)</source>
        <translation>braucht eine &quot;proxy&quot;-URL, mit der es verwendet wird (ein System-Proxy nimmt seine Zugangsdaten wie curl aus seiner URL)</translation>
    </message>
    <message>
        <source>is not known (known: %1)</source>
        <translation>ist unbekannt (bekannt: %1)</translation>
    </message>
    <message>
        <source>is not known; did you mean &quot;%1&quot;?</source>
        <translation>ist unbekannt; meinten Sie &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>is not an option of kind &quot;%1&quot; (known: %2)</source>
        <translation>ist keine Option der Art &quot;%1&quot; (bekannt: %2)</translation>
    </message>
    <message>
        <source>is not an option of kind &quot;%1&quot;; did you mean &quot;%2&quot;?</source>
        <translation>ist keine Option der Art &quot;%1&quot;; meinten Sie &quot;%2&quot;?</translation>
    </message>
    <message>
        <source>is missing (expected {&quot;env&quot;: &quot;VAR&quot;}, {&quot;file&quot;: &quot;/path&quot;}, {&quot;keychain&quot;: true} or {&quot;oauth&quot;: {...}})</source>
        <translation>fehlt (erwartet: {&quot;env&quot;: &quot;VAR&quot;}, {&quot;file&quot;: &quot;/pfad&quot;}, {&quot;keychain&quot;: true} oder {&quot;oauth&quot;: {...}})</translation>
    </message>
    <message>
        <source>kind &quot;%1&quot; with these options does not send its secret as a bearer token, so it cannot sign in with OAuth</source>
        <translation>Art „%1“ sendet mit diesen Optionen ihr Geheimnis nicht als Bearer-Token und kann sich daher nicht mit OAuth anmelden</translation>
    </message>
    <message>
        <source>must be an https:// URL (http:// only for loopback hosts)</source>
        <translation>muss eine https://-URL sein (http:// nur für Loopback-Hosts)</translation>
    </message>
    <message>
        <source>must be a port from 1 to 65535</source>
        <translation>muss ein Port von 1 bis 65535 sein</translation>
    </message>
    <message>
        <source>must be a list of scope names without spaces</source>
        <translation>muss eine Liste von Scope-Namen ohne Leerzeichen sein</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <source>must hold exactly one of &quot;env&quot;, &quot;file&quot;, &quot;keychain&quot; or &quot;oauth&quot;</source>
        <translation>muss genau eines von &quot;env&quot;, &quot;file&quot;, &quot;keychain&quot; oder &quot;oauth&quot; enthalten</translation>
    </message>
</context>
<context>
    <name>ProfileSwitcher</name>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
</context>
<context>
    <name>ProviderError</name>
    <message>
        <source>Provider error</source>
        <translation>Anbieterfehler</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Response too large</source>
        <translation>Antwort zu groß</translation>
    </message>
    <message>
        <source>Malformed response</source>
        <translation>Fehlerhafte Antwort</translation>
    </message>
    <message>
        <source>Paging loop</source>
        <translation>Seitenschleife</translation>
    </message>
    <message>
        <source>Refused redirect</source>
        <translation>Umleitung abgelehnt</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>Konfigurationsfehler</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Row count mismatch</source>
        <translation>Zeilenzahl stimmt nicht</translation>
    </message>
    <message>
        <source>HTTP status: %1 %2</source>
        <translation>HTTP-Status: %1 %2</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>Fehlercode: %1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Meldung: %1</translation>
    </message>
    <message>
        <source>Meta: %1 = %2</source>
        <translation>Metadaten: %1 = %2</translation>
    </message>
    <message>
        <source>Field error: %1: %2</source>
        <translation>Feldfehler: %1: %2</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
    <message>
        <source>Retry after: %1 s</source>
        <translation>Erneut versuchen nach: %1 s</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>Versuche: %1</translation>
    </message>
    <message>
        <source>Transport: %1</source>
        <translation>Übertragung: %1</translation>
    </message>
    <message>
        <source>URL: %1</source>
        <translation>URL: %1</translation>
    </message>
    <message>
        <source>Local file error</source>
        <translation>Fehler der lokalen Datei</translation>
    </message>
    <message>
        <source>Certificate not accepted</source>
        <translation>Zertifikat nicht akzeptiert</translation>
    </message>
    <message>
        <source>Proxy error</source>
        <translation>Proxy-Fehler</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>Fortsetzen nicht möglich</translation>
    </message>
</context>
<context>
    <name>ResponseParsing</name>
    <message>
        <source>The response body is empty.</source>
        <translation>Der Antwortinhalt ist leer.</translation>
    </message>
    <message>
        <source>The response body is truncated (it ends at byte %1 inside a JSON value).</source>
        <translation>Der Antwortinhalt ist abgeschnitten (er endet bei Byte %1 mitten in einem JSON-Wert).</translation>
    </message>
    <message>
        <source>The response body is not valid JSON (%1 at byte %2).</source>
        <translation>Der Antwortinhalt ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation>„%1“ fehlt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be a string</source>
        <translation>„%1“ sollte eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be true or false</source>
        <translation>„%1“ sollte true oder false sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be an array</source>
        <translation>„%1“ sollte ein Array sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be an object</source>
        <translation>„%1“ sollte ein Objekt sein</translation>
    </message>
    <message>
        <source>%1 should be an object</source>
        <translation>%1 sollte ein Objekt sein</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Access review</source>
        <translation>Zugriffsüberprüfung</translation>
    </message>
    <message>
        <source>Writes every user of the checked profiles to one CSV file: person (the lower-cased email a spreadsheet pivots on), profile and kind, then the usual columns. Profiles are read one after another; the file appears only when the review is complete.</source>
        <translation>Schreibt alle Benutzer der markierten Profile in eine CSV-Datei: person (die kleingeschriebene E-Mail-Adresse, nach der eine Tabellenkalkulation gruppiert), profile und kind, dann die üblichen Spalten. Die Profile werden nacheinander gelesen; die Datei erscheint erst, wenn die Überprüfung vollständig ist.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Du&amp;rchsuchen …</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Leave out profiles that fail (the summary names them)</source>
        <translation>Fehlschlagende Profile &amp;auslassen (die Zusammenfassung nennt sie)</translation>
    </message>
    <message>
        <source>Start with a &amp;byte-order mark (for spreadsheets)</source>
        <translation>Mit &amp;Byte-Order-Mark beginnen (für Tabellenkalkulationen)</translation>
    </message>
    <message>
        <source>&amp;Start review</source>
        <translation>Überprüfung &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Cancel review</source>
        <translation>Überprüfung abbre&amp;chen</translation>
    </message>
    <message>
        <source>Access review file</source>
        <translation>Datei der Zugriffsüberprüfung</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Choose the file to write first.</source>
        <translation>Wählen Sie zuerst die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Check at least one profile.</source>
        <translation>Markieren Sie mindestens ein Profil.</translation>
    </message>
    <message numerus="yes">
        <source>Reviewing %n profile(s)…</source>
        <translation>
            <numerusform>Überprüfe %n Profil…</numerusform>
            <numerusform>Überprüfe %n Profile…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 users (%3%)</source>
        <translation>%1 von %2 Benutzern (%3 %)</translation>
    </message>
    <message>
        <source>%1 users so far</source>
        <translation>bisher %1 Benutzer</translation>
    </message>
    <message>
        <source>%1 users</source>
        <translation>%1 Benutzer</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Ausgelassen: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The review was not written: %1
An existing file was left as it was. Check &quot;Leave out profiles that fail&quot; to write the others.</source>
        <translation>Die Überprüfung wurde nicht geschrieben: %1
Eine vorhandene Datei blieb unverändert. Markieren Sie „Fehlschlagende Profile auslassen“, um die anderen zu schreiben.</translation>
    </message>
    <message>
        <source>Profiles reviewed</source>
        <translation>Geprüfte Profile</translation>
    </message>
</context>
<context>
    <name>SandboxTls</name>
    <message>
        <source>the openssl command is not installed (Debian package openssl)</source>
        <translation>der Befehl openssl ist nicht installiert (Debian-Paket openssl)</translation>
    </message>
    <message>
        <source>openssl %1 failed: %2</source>
        <translation>openssl %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>kann %1 nicht anlegen</translation>
    </message>
    <message>
        <source>cannot write in %1: %2</source>
        <translation>kann nicht in %1 schreiben: %2</translation>
    </message>
    <message>
        <source>openssl wrote a certificate or key that cannot be read</source>
        <translation>openssl hat ein Zertifikat oder einen Schlüssel geschrieben, der sich nicht lesen lässt</translation>
    </message>
</context>
<context>
    <name>ScimFilter</name>
    <message>
        <source>&quot;%1&quot; is not a filter operator: after the attribute %2 comes one of %3 (for example %2 eq &quot;value&quot;); to look for words, leave the attribute out.</source>
        <translation>„%1“ ist kein Filteroperator: auf das Attribut %2 folgt einer von %3 (zum Beispiel %2 eq &quot;Wert&quot;); um nach Wörtern zu suchen, lassen Sie das Attribut weg.</translation>
    </message>
</context>
<context>
    <name>ScimParser</name>
    <message>
        <source>%1[%2] should be an object</source>
        <translation>%1[%2] sollte ein Objekt sein</translation>
    </message>
    <message>
        <source>roles[%1] should be an object</source>
        <translation>roles[%1] sollte ein Objekt sein</translation>
    </message>
    <message>
        <source>groups[%1] should be an object</source>
        <translation>groups[%1] sollte ein Objekt sein</translation>
    </message>
    <message>
        <source>Employee number</source>
        <translation>Personalnummer</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Cost center</source>
        <translation>Kostenstelle</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Vorgesetzte(r)</translation>
    </message>
    <message>
        <source>&quot;active&quot; should be true or false</source>
        <translation>&quot;active&quot; sollte true oder false sein</translation>
    </message>
    <message>
        <source>Expected a SCIM ListResponse object with &quot;Resources&quot;.</source>
        <translation>Erwartet wurde ein SCIM-ListResponse-Objekt mit &quot;Resources&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be a number</source>
        <translation>&quot;%1&quot; sollte eine Zahl sein</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without a SCIM error body.</source>
        <translation>Der Server antwortete mit HTTP %1 ohne SCIM-Fehlerinhalt.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 with a SCIM error that gives no detail.</source>
        <translation>Der Server antwortete mit HTTP %1 und einem SCIM-Fehler ohne Einzelheiten.</translation>
    </message>
    <message>
        <source>ServiceProviderConfig answered HTTP %1</source>
        <translation>ServiceProviderConfig antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>ServiceProviderConfig is not a JSON object</source>
        <translation>ServiceProviderConfig ist kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>ScimProvider</name>
    <message>
        <source>SCIM 2.0</source>
        <translation>SCIM 2.0</translation>
    </message>
    <message>
        <source>SCIM &amp;auth:</source>
        <translation>SCIM-&amp;Anmeldung:</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>HTTP Basic (user:password)</source>
        <translation>HTTP Basic (Benutzer:Passwort)</translation>
    </message>
    <message>
        <source>This SCIM server does not filter on the server (its ServiceProviderConfig says filter.supported is false).</source>
        <translation>Dieser SCIM-Server filtert nicht auf dem Server (seine ServiceProviderConfig sagt filter.supported ist false).</translation>
    </message>
    <message>
        <source>This SCIM server did not say that it filters on the server: %1.</source>
        <translation>Dieser SCIM-Server hat nicht angegeben, dass er auf dem Server filtert: %1.</translation>
    </message>
</context>
<context>
    <name>SessionStatusBar</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Show what went wrong</source>
        <translation>Zeigen, was schiefging</translation>
    </message>
</context>
<context>
    <name>SessionViewModel</name>
    <message>
        <source>No profile selected.</source>
        <translation>Kein Profil ausgewählt.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Receiving users from %1: %2 so far (%3)…</source>
        <translation>Benutzer von %1 werden empfangen: bisher %2 (%3)…</translation>
    </message>
    <message>
        <source>Reading the credential for %1…</source>
        <translation>Anmeldeinformation für %1 wird gelesen …</translation>
    </message>
    <message>
        <source>Loading users from %1…</source>
        <translation>Benutzer von %1 werden geladen …</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Laden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>All users the server found in %1 are loaded.</source>
        <translation>Alle Benutzer, die der Server in %1 gefunden hat, sind geladen.</translation>
    </message>
    <message>
        <source>All users of %1 are loaded.</source>
        <translation>Alle Benutzer von %1 sind geladen.</translation>
    </message>
    <message>
        <source>Scroll down to load more.</source>
        <translation>Nach unten blättern, um mehr zu laden.</translation>
    </message>
    <message>
        <source>%1 loaded of %2</source>
        <translation>%1 von %2 geladen</translation>
    </message>
    <message>
        <source>%1 loaded</source>
        <translation>%1 geladen</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n Benutzer</numerusform>
            <numerusform>%n Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 loaded, more available</source>
        <translation>%1 geladen, weitere verfügbar</translation>
    </message>
    <message>
        <source>No profiles yet.
Use Profiles › Edit profiles… to add one.</source>
        <translation>Noch keine Profile.
Legen Sie über Profile › Profile bearbeiten … eines an.</translation>
    </message>
    <message>
        <source>Reading the credential…</source>
        <translation>Anmeldeinformation wird gelesen …</translation>
    </message>
    <message>
        <source>Could not load users.
The error is shown on the right.</source>
        <translation>Benutzer konnten nicht geladen werden.
Der Fehler wird rechts angezeigt.</translation>
    </message>
    <message>
        <source>The server found no user for “%1”.
Clear the search to see everyone.</source>
        <translation>Der Server hat für „%1“ keinen Benutzer gefunden.
Leeren Sie die Suche, um alle zu sehen.</translation>
    </message>
    <message>
        <source>This organization has no users.</source>
        <translation>Diese Organisation hat keine Benutzer.</translation>
    </message>
    <message>
        <source>No loaded user matches “%1”.
Scroll or clear the filter to load more.</source>
        <translation>Kein geladener Benutzer passt zu „%1“.
Blättern Sie oder leeren Sie den Filter, um mehr zu laden.</translation>
    </message>
    <message>
        <source>No user matches “%1”.</source>
        <translation>Kein Benutzer passt zu „%1“.</translation>
    </message>
    <message>
        <source>found on the server for “%1”: %2</source>
        <translation>auf dem Server für „%1“ gefunden: %2</translation>
    </message>
    <message>
        <source>%1 of %2 loaded match</source>
        <translation>%1 von %2 geladenen passen</translation>
    </message>
    <message>
        <source>sorted: loaded rows only</source>
        <translation>sortiert: nur geladene Zeilen</translation>
    </message>
    <message>
        <source>Search on &amp;server:</source>
        <translation>Auf dem &amp;Server suchen:</translation>
    </message>
    <message>
        <source>Fi&amp;lter loaded rows:</source>
        <translation>Ge&amp;ladene Zeilen filtern:</translation>
    </message>
    <message>
        <source>a word, or a filter such as active eq false (Ctrl+F)</source>
        <translation>ein Wort oder ein Filter wie active eq false (Strg+F)</translation>
    </message>
    <message>
        <source>text in any column (Ctrl+F)</source>
        <translation>Text in einer beliebigen Spalte (Strg+F)</translation>
    </message>
    <message>
        <source>The server searches the whole directory: a word matches the start of the user name, an email, the family name or the display name; a SCIM filter (emails.value ew &quot;@example.com&quot;, active eq false) is sent as it is. Results load as you scroll; clear the field to see everyone.</source>
        <translation>Der Server durchsucht das ganze Verzeichnis: Ein Wort passt auf den Anfang von Benutzername, einer E-Mail, Nachname oder Anzeigename; ein SCIM-Filter (emails.value ew &quot;@example.com&quot;, active eq false) wird unverändert gesendet. Die Ergebnisse werden beim Blättern geladen; leeren Sie das Feld, um alle zu sehen.</translation>
    </message>
    <message>
        <source>Shows the loaded rows that contain this text in any column. This provider cannot search on its server, so rows not loaded yet are not searched.</source>
        <translation>Zeigt die geladenen Zeilen, die diesen Text in einer beliebigen Spalte enthalten. Dieser Anbieter kann nicht auf seinem Server suchen; noch nicht geladene Zeilen werden also nicht durchsucht.</translation>
    </message>
    <message>
        <source>Select the rows to export first (Ctrl+A selects every loaded row).</source>
        <translation>Wählen Sie zuerst die zu exportierenden Zeilen aus (Strg+A wählt alle geladenen Zeilen).</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source> · %1 rows/s</source>
        <translation> · %1 Zeilen/s</translation>
    </message>
    <message numerus="yes">
        <source> · about %n second(s) left</source>
        <translation>
            <numerusform> · noch etwa %n Sekunde</numerusform>
            <numerusform> · noch etwa %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>%n Zeile nach %1 geschrieben.</numerusform>
            <numerusform>%n Zeilen nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Nothing was written; any existing file was left as it was.

%1</source>
        <translation>Es wurde nichts geschrieben; eine vorhandene Datei blieb unverändert.

%1</translation>
    </message>
    <message>
        <source>Export cancelled after %1 rows.

They are kept in %2, and Resume continues from there; %3 was left as it was.</source>
        <translation>Export nach %1 Zeilen abgebrochen.

Sie sind in %2 aufbewahrt, und Fortsetzen macht dort weiter; %3 blieb, wie es war.</translation>
    </message>
    <message>
        <source>The export stopped after %1 rows: %2

The rows read so far are kept in %3, and Resume continues from there; %4 was left as it was.</source>
        <translation>Der Export hielt nach %1 Zeilen an: %2

Die bisher gelesenen Zeilen sind in %3 aufbewahrt, und Fortsetzen macht dort weiter; %4 blieb, wie es war.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign In — %1</source>
        <translation>Anmelden — %1</translation>
    </message>
    <message>
        <source>Sign In on Another Device — %1</source>
        <translation>Auf anderem Gerät anmelden — %1</translation>
    </message>
    <message>
        <source>Reading the sign-in settings…</source>
        <translation>Lese die Anmeldeeinstellungen …</translation>
    </message>
    <message>
        <source>&amp;Copy Address</source>
        <translation>Adresse &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Copy Code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>The sign-in page opened in your browser. If it did not, open this address:</source>
        <translation>Die Anmeldeseite wurde im Browser geöffnet. Falls nicht, diese Adresse öffnen:</translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in:</source>
        <translation>Zum Anmelden diese Adresse in einem Browser öffnen:</translation>
    </message>
    <message>
        <source>On any device, open this address and enter the code below:</source>
        <translation>Auf einem beliebigen Gerät diese Adresse öffnen und den Code unten eingeben:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Anmeldeadresse</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>Profil „%1“: %2</translation>
    </message>
</context>
<context>
    <name>SignInRows</name>
    <message>
        <source>https://auth.example.com</source>
        <translation>https://auth.example.com</translation>
    </message>
    <message>
        <source>openid email offline_access</source>
        <translation>openid email offline_access</translation>
    </message>
    <message>
        <source>Si&amp;gn In…</source>
        <translation>An&amp;melden …</translation>
    </message>
    <message>
        <source>Sign In on Another &amp;Device…</source>
        <translation>Auf anderem &amp;Gerät anmelden …</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Checking the sign-in…</source>
        <translation>Prüfe die Anmeldung …</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
</context>
<context>
    <name>SnapshotDiff</name>
    <message>
        <source>%1 (only in snapshot %2)</source>
        <translation>%1 (nur in Momentaufnahme %2)</translation>
    </message>
    <message>
        <source>%1 (incomplete in snapshot %2)</source>
        <translation>%1 (unvollständig in Momentaufnahme %2)</translation>
    </message>
    <message>
        <source>History store %1: cannot read it: %2</source>
        <translation>Verlaufsspeicher %1: nicht lesbar: %2</translation>
    </message>
</context>
<context>
    <name>SnapshotStore</name>
    <message>
        <source>History store %1: %2: %3</source>
        <translation>Verlaufsspeicher %1: %2: %3</translation>
    </message>
    <message>
        <source>cannot update</source>
        <translation>kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>cannot create its folder</source>
        <translation>sein Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot create it</source>
        <translation>kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot make it private</source>
        <translation>kann nicht privat gemacht werden</translation>
    </message>
    <message>
        <source>cannot open it</source>
        <translation>kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is not installed (Debian: libqt6sql6-sqlite)</source>
        <translation>Qts SQLite-Treiber ist nicht installiert (Debian: libqt6sql6-sqlite)</translation>
    </message>
    <message>
        <source>cannot read it</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>it was written by a newer Roster (schema %1; this one knows up to %2)</source>
        <translation>er wurde von einem neueren Roster geschrieben (Schema %1; dieses kennt bis %2)</translation>
    </message>
    <message>
        <source>cannot add a snapshot</source>
        <translation>keine Momentaufnahme hinzufügbar</translation>
    </message>
    <message>
        <source>cannot add a profile</source>
        <translation>kein Profil hinzufügbar</translation>
    </message>
    <message>
        <source>cannot add accounts</source>
        <translation>keine Konten hinzufügbar</translation>
    </message>
    <message>
        <source>There is no snapshot %1 in %2.</source>
        <translation>Es gibt keine Momentaufnahme %1 in %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n snapshot(s): there is no &quot;%2&quot; one.</source>
        <translation>
            <numerusform>%1 enthält %n Momentaufnahme: es gibt keine „%2“.</numerusform>
            <numerusform>%1 enthält %n Momentaufnahmen: es gibt keine „%2“.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no snapshot: give an id, latest, previous or a date (YYYY-MM-DD).</source>
        <translation>„%1“ nennt keine Momentaufnahme: geben Sie eine Nummer, latest, previous oder ein Datum (JJJJ-MM-TT) an.</translation>
    </message>
    <message>
        <source>%1 holds no snapshot taken on or before %2.</source>
        <translation>%1 enthält keine Momentaufnahme von %2 oder früher.</translation>
    </message>
    <message>
        <source>cannot finish a profile</source>
        <translation>ein Profil kann nicht abgeschlossen werden</translation>
    </message>
    <message>
        <source>cannot delete a snapshot</source>
        <translation>eine Momentaufnahme kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>cannot delete snapshots</source>
        <translation>Momentaufnahmen können nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Cannot read %1 for its manifest: %2</source>
        <translation>Kann %1 für sein Manifest nicht lesen: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>StreamingPageReply</name>
    <message>
        <source>The response body is not valid JSON: %1</source>
        <translation>Der Inhalt der Antwort ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>The response body is not valid JSON: %1 (%2 at byte %3 of that element)</source>
        <translation>Der Inhalt der Antwort ist kein gültiges JSON: %1 (%2 an Byte %3 dieses Elements)</translation>
    </message>
    <message>
        <source>%1 (the connection failed after %2 bytes)</source>
        <translation>%1 (die Verbindung brach nach %2 Bytes ab)</translation>
    </message>
    <message>
        <source>The response body is empty.</source>
        <translation>Der Antwortinhalt ist leer.</translation>
    </message>
    <message>
        <source>The response body is truncated: %1</source>
        <translation>Der Inhalt der Antwort ist abgeschnitten: %1</translation>
    </message>
</context>
<context>
    <name>TokenLoopGuard</name>
    <message>
        <source>The provider returned a page token that was already used; stopped to avoid an endless loop.</source>
        <translation>Der Anbieter lieferte ein bereits verwendetes Seiten-Token; abgebrochen, um eine Endlosschleife zu vermeiden.</translation>
    </message>
</context>
<context>
    <name>ToolBarFit</name>
    <message>
        <source>More tools</source>
        <translation>Weitere Werkzeuge</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Check this computer&apos;s clock and time zone: the certificate is not valid yet.</source>
        <translation>Prüfen Sie Uhrzeit und Zeitzone dieses Computers: Das Zertifikat ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has expired: its administrators must renew it (check this computer&apos;s clock too).</source>
        <translation>Das Zertifikat des Servers ist abgelaufen: Seine Administratoren müssen es erneuern (prüfen Sie auch die Uhr dieses Computers).</translation>
    </message>
    <message>
        <source>The certificate is for %1, not %2: use one of those names in the profile&apos;s baseUrl, or ask for a certificate that names %2.</source>
        <translation>Das Zertifikat gilt für %1, nicht für %2: Verwenden Sie einen dieser Namen in der baseUrl des Profils oder fordern Sie ein Zertifikat an, das %2 nennt.</translation>
    </message>
    <message>
        <source>If this server&apos;s certificates come from your organization&apos;s own CA, trust that CA: give the profile &quot;caFile&quot;: &quot;/path/to/ca.pem&quot;, set SSL_CERT_FILE or SSL_CERT_DIR, or add it to the system store (update-ca-certificates). If the server sends no intermediate certificate, its administrators must configure the full chain.</source>
        <translation>Wenn die Zertifikate dieses Servers von der eigenen CA Ihrer Organisation stammen, vertrauen Sie dieser CA: geben Sie dem Profil &quot;caFile&quot;: &quot;/pfad/zu/ca.pem&quot;, setzen Sie SSL_CERT_FILE oder SSL_CERT_DIR oder fügen Sie sie dem Systemspeicher hinzu (update-ca-certificates). Sendet der Server kein Zwischenzertifikat, müssen seine Administratoren die vollständige Kette einrichten.</translation>
    </message>
    <message>
        <source>Trust the issuing CA with the profile&apos;s caFile, SSL_CERT_FILE or the system store, or ask the server&apos;s administrators to fix its certificate.</source>
        <translation>Vertrauen Sie der ausstellenden CA über caFile im Profil, SSL_CERT_FILE oder den Systemspeicher, oder bitten Sie die Administratoren des Servers, sein Zertifikat zu korrigieren.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: caFile: %2</source>
        <translation>Profil &quot;%1&quot;: caFile: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: proxy: %2</source>
        <translation>Profil &quot;%1&quot;: proxy: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>kann %1 nicht lesen: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>SSL_CERT_DIR: %1 is not a folder</source>
        <translation>SSL_CERT_DIR: %1 ist kein Ordner</translation>
    </message>
    <message>
        <source>%1, issued by %2, valid %3 to %4, SHA-256 %5</source>
        <translation>%1, ausgestellt von %2, gültig %3 bis %4, SHA-256 %5</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed.</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not accepted: %2.</source>
        <translation>Das Zertifikat von %1 wird nicht akzeptiert: %2.</translation>
    </message>
    <message>
        <source>Presented certificate %1</source>
        <translation>Vorgelegtes Zertifikat %1</translation>
    </message>
    <message>
        <source>Presented certificate</source>
        <translation>Vorgelegtes Zertifikat</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a proxy Roster can use (http://host:port, socks5://host:port)</source>
        <translation>&quot;%1&quot; ist kein Proxy, den Roster verwenden kann (http://host:port, socks5://host:port)</translation>
    </message>
    <message>
        <source>not a proxy URL with a host</source>
        <translation>keine Proxy-URL mit Host</translation>
    </message>
    <message>
        <source>no proxy</source>
        <translation>kein Proxy</translation>
    </message>
</context>
<context>
    <name>UserDetailPane</name>
    <message>
        <source>Select a user to see their identity, roles, permissions and invitation.</source>
        <translation>Wählen Sie einen Benutzer, um Identität, Rollen, Berechtigungen und Einladung zu sehen.</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>Roles and permissions</source>
        <translation>Rollen und Berechtigungen</translation>
    </message>
    <message>
        <source>Role / permission</source>
        <translation>Rolle / Berechtigung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Raw IdP attributes</source>
        <translation>Rohe IdP-Attribute</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Raw record</source>
        <translation>Rohdatensatz</translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation>JSON kopieren</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Given name:</source>
        <translation>Vorname:</translation>
    </message>
    <message>
        <source>Family name:</source>
        <translation>Nachname:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>User ID:</source>
        <translation>Benutzer-ID:</translation>
    </message>
    <message>
        <source>(none: not signed up yet)</source>
        <translation>(keine: noch nicht registriert)</translation>
    </message>
    <message>
        <source>IdP ID:</source>
        <translation>IdP-ID:</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>Domäne:</translation>
    </message>
    <message>
        <source>Locale:</source>
        <translation>Gebietsschema:</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <source>Pending: invited, has not signed up yet.</source>
        <translation>Ausstehend: eingeladen, noch nicht registriert.</translation>
    </message>
    <message>
        <source>Accepted: a member of the organization.</source>
        <translation>Angenommen: Mitglied der Organisation.</translation>
    </message>
    <message>
        <source>Invited by %1 (%2)</source>
        <translation>Eingeladen von %1 (%2)</translation>
    </message>
    <message>
        <source>Invited by %1</source>
        <translation>Eingeladen von %1</translation>
    </message>
    <message>
        <source>Inviter not recorded.</source>
        <translation>Einladende Person nicht erfasst.</translation>
    </message>
    <message>
        <source>Organization roles</source>
        <translation>Organisationsrollen</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>membership: %1</source>
        <translation>Mitgliedschaft: %1</translation>
    </message>
    <message>
        <source>expires: %1</source>
        <translation>läuft ab: %1</translation>
    </message>
    <message>
        <source>resource: %1</source>
        <translation>Ressource: %1</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>erteilt</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>verweigert</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n Benutzer</numerusform>
            <numerusform>%n Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>via group %1</source>
        <translation>über Gruppe %1</translation>
    </message>
    <message>
        <source>No roles</source>
        <translation>Keine Rollen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>(not JSON)</source>
        <translation>(kein JSON)</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Beschäftigung</translation>
    </message>
    <message>
        <source>Groups (%L1)</source>
        <translation>Gruppen (%L1)</translation>
    </message>
    <message>
        <source>Not a member of any group.</source>
        <translation>Mitglied keiner Gruppe.</translation>
    </message>
    <message>
        <source>No employment details.</source>
        <translation>Keine Angaben zur Beschäftigung.</translation>
    </message>
    <message>
        <source>User details</source>
        <translation>Benutzerdetails</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>IdP ID</source>
        <translation>IdP-ID</translation>
    </message>
    <message>
        <source>Invited by</source>
        <translation>Eingeladen von</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Column key: %1</source>
        <translation>Spaltenschlüssel: %1</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
</context>
<context>
    <name>UserTableView</name>
    <message numerus="yes">
        <source>&amp;Copy %n row(s)</source>
        <translation>
            <numerusform>%n Zeile &amp;kopieren</numerusform>
            <numerusform>%n Zeilen &amp;kopieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Export %n selected row(s)…</source>
        <translation>
            <numerusform>%n ausgewählte Zeile &amp;exportieren …</numerusform>
            <numerusform>%n ausgewählte Zeilen &amp;exportieren …</numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Drag a column header to reorder</source>
        <translation>Spaltenkopf ziehen, um die Reihenfolge zu ändern</translation>
    </message>
</context>
</TS>
