import { compareDates, type LocalDate } from "../../dates";
import type { CompetenceRecord, CompetenceRole, Reference } from "../../model/types";
import type { Rule } from "../rule";
import { anyOf, list, nullable, optional, shape, text, type DataOf } from "../data-shape";

/** A role is the internal auditor role when its title (or id) mentions audit. */
const AUDITOR_ROLE = /audit/i;

/** `data` of its findings: the person and role without a valid record (and when its record expired), or the auditor, audit and internal auditor roles. */
const data = anyOf(shape({ person: text, role: text, expired: nullable(text) }), shape({ person: text, audit: optional(text), roles: list(text) }));
export type MissingRecordData = DataOf<typeof data>;

/** `competence/missing-record`: a person in a role, or an internal auditor, has no valid competence record. */
export const rule: Rule<MissingRecordData> = {
  id: "competence/missing-record",
  severity: "warning",
  clause: "7.2 c, d",
  reads: ["audits", "roles", "competenceRecords", "today"],
  description: "A person named in a CompetenceRegister role, or the auditor of a completed internal audit, has no competence record for the role, or only expired ones.",
  docs: `Checks two things, each against the \`records\` of the CompetenceRegister:

- every person listed under a role's \`people\` has a record for that role (\`person\`, \`role\`)
  that has not expired (\`expires\` absent or not before today);
- the \`auditor\` of every completed internal audit has a record for an internal auditor role (a
  role whose title or id mentions "audit") dated on or before the audit and not expired at its date.

> **7.2 Competence** The organization shall: a) determine the necessary competence of person(s)
> doing work under its control that affects its information security performance; b) ensure that
> these persons are competent on the basis of appropriate education, training, or experience;
> c) where applicable, take actions to acquire the necessary competence, and evaluate the
> effectiveness of the actions taken; and d) retain appropriate documented information as
> evidence of competence.

Competence records are among the most frequent nonconformities: auditors sample the people in key
roles, and always the internal auditors (9.2.2 c asks for auditors who ensure objectivity, and
their competence is what makes the audit programme credible).

**Fix:** add a record \`{ person, role, evidence, date, expires }\` under \`records\`, pointing at the
certificate, training record or CV; renew expired evidence, or remove the person from the role.`,
  data,
  check({ model, today, report }) {
    const byPerson = new Map<string, CompetenceRecord[]>();
    for (const record of model.competenceRecords) {
      if (!record.person || !record.role) continue;
      const list = byPerson.get(record.person.id);
      if (list) list.push(record);
      else byPerson.set(record.person.id, [record]);
    }
    const validOn = (record: CompetenceRecord, date: LocalDate) => (!record.date || compareDates(record.date.value, date) <= 0) && (!record.expires || compareDates(record.expires.value, date) >= 0);

    for (const role of model.roles) {
      const roleId = role.id?.value;
      if (!roleId) continue;
      for (const person of role.people) {
        const records = (byPerson.get(person.id) ?? []).filter((r) => r.role?.id === roleId);
        if (records.some((r) => !r.expires || compareDates(r.expires.value, today) >= 0)) continue;
        const expired = records.filter((r) => r.expires).sort((a, b) => compareDates(b.expires!.value, a.expires!.value))[0];
        report({
          file: person.file,
          range: person.range,
          message: expired
            ? `${person.id} holds the role ${roleId}${title(role)} but the only competence record for it expired on ${expired.expires!.value}: renew the evidence of competence (7.2 c, d).`
            : `${person.id} holds the role ${roleId}${title(role)} but has no competence record for it: add { person: ${person.id}, role: ${roleId}, evidence, date } under records (7.2 d).`,
          ...(expired ? { related: [{ file: expired.file, range: expired.expires!.range, message: "Expired here." }] } : {}),
          data: { person: person.id, role: roleId, expired: expired?.expires?.value ?? null },
        });
      }
    }

    const auditorRoles = new Set(model.roles.filter((r) => r.id && AUDITOR_ROLE.test(`${r.id.value} ${r.title?.value ?? ""}`)).map((r) => r.id!.value));
    for (const audit of model.audits) {
      if (audit.status?.value !== "completed" || !audit.auditor) continue;
      const auditor: Reference = audit.auditor;
      const on = audit.performed?.value ?? today;
      const records = (byPerson.get(auditor.id) ?? []).filter((r) => r.role && auditorRoles.has(r.role.id));
      if (records.some((r) => validOn(r, on))) continue;
      const name = audit.id ? `internal audit ${audit.id.value}` : "this internal audit";
      const why =
        auditorRoles.size === 0
          ? "no role of a CompetenceRegister is an internal auditor role (a role whose title mentions audit)"
          : records.length > 0
            ? `the competence records for the internal auditor role were not valid on ${on}`
            : "there is no competence record for an internal auditor role";
      report({
        file: auditor.file,
        range: auditor.range,
        message: `${auditor.id} performed ${name}, but ${why}: keep evidence of the auditor's competence (7.2 d, 9.2.2).`,
        data: { person: auditor.id, audit: audit.id?.value, roles: [...auditorRoles] },
      });
    }
  },
};

function title(role: CompetenceRole): string {
  return role.title ? ` (${role.title.value})` : "";
}
