import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/** One place in the code that records an access to a patient's record. */
export interface AuditSite {
  file: string;
  line: number;
  /** the audited verb(s) (`auditAction` when given, else `action`); null when not a literal */
  actions: string[] | null;
  resourceTypes: string[] | null;
}

/** calls whose object argument is a patient check (written to the audit log with the patient's id) */
const PATIENT_CHECKS = new Set(["authorizePatient", "gate", "patientRoute", "patientRouteGuard", "can"]);
/** audit writes: patient-linked only when the entry names a patientId */
const AUDIT_WRITES = new Set(["record", "recordIndependent"]);

function literals(node: ts.Expression | undefined): string[] | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node)) {
    const a = literals(node.whenTrue);
    const b = literals(node.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
    return literals(node.expression);
  return null;
}

function property(object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return object.properties.find(
    (p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name.getText() === name,
  );
}

function value(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  const p = property(object, name);
  return p && ts.isPropertyAssignment(p) ? p.initializer : undefined;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "test") out.push(...sourceFiles(path));
    } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

/**
 * Every place in the server's source that records a patient-linked audit event: patient checks
 * (`authorizePatient`, route guards; their `auditAction` or `action`) and `audit.record(...)`
 * calls that name a `patientId`. The platform's own pass-through plumbing (which forwards a
 * caller's check) is skipped: its callers are the sites.
 */
export function findPatientAuditSites(root: string): AuditSite[] {
  const sites: AuditSite[] = [];
  for (const file of sourceFiles(root)) {
    const rel = relative(root, file);
    if (rel.startsWith("platform/access/") || rel.startsWith("platform/audit/")) continue;
    const text = readFileSync(file, "utf8");
    if (!/resourceType/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : ts.isIdentifier(callee)
            ? callee.text
            : "";
        // a module's own route helper over patientRoute (e.g. appointmentsRoute) is read the same way
        const checks = PATIENT_CHECKS.has(name) || name === "authorizeVisit" || /^[a-z]\w*Route$/.test(name);
        if (checks || AUDIT_WRITES.has(name)) {
          const isVisit = name === "authorizeVisit";
          // authorizeVisit(visit, { auditAction }): the second argument is the check
          for (const arg of isVisit ? node.arguments.slice(1) : node.arguments) {
            if (!ts.isObjectLiteralExpression(arg)) continue;
            if (property(arg, "exempt")) continue;
            if (!isVisit && !property(arg, "resourceType")) continue;
            if (AUDIT_WRITES.has(name)) {
              if (!property(arg, "patientId")) continue;
              const outcome = literals(value(arg, "outcome"));
              if (outcome && !outcome.includes("success")) continue;
            }
            const verb = property(arg, "auditAction") ? value(arg, "auditAction") : value(arg, "action");
            sites.push({
              file: rel,
              line: source.getLineAndCharacterOfPosition(arg.getStart()).line + 1,
              actions: literals(verb) ?? (verb === undefined && !property(arg, "auditAction") ? ["read"] : null),
              resourceTypes: isVisit ? ["appointment"] : literals(value(arg, "resourceType")),
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}
