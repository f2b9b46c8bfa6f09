import { z } from 'zod';
import { ORIGINS } from '../discover/origin.js';
import { APPLICATION_KINDS } from '../discover/unit-kind.js';

const Origin = z.enum(ORIGINS);
import { CmdbColumns } from '../extract/inventory/formats/cmdb-columns.js';
import { GateConfig } from '../assess/gate.js';
import { ScoringModel } from '../assess/scoring-model.js';
import { Severity } from '../result/schema.js';
import { CRITICALITIES } from '../extract/inventory/inventory-schema.js';

/** cloudready.yaml. Strict: a misspelt key is an error, not a silently ignored setting. */
export const Config = z.strictObject({
  exclude: z
    .array(z.string())
    .default([])
    .describe('gitignore-style patterns, relative to the scanned root, of files not to scan'),
  includeContext: z
    .array(Origin)
    .default([])
    .describe(
      "Origins whose evidence counts for every rule besides the rule's own contexts, e.g. [test]; --include-context adds to these",
    ),
  applications: z
    .array(
      z
        .strictObject({
          path: z
            .string()
            .min(1)
            .describe(
              'Folder relative to the scanned root, or a gitignore-style glob of folders (services/*): each folder matched is one application',
            ),
          name: z
            .string()
            .min(1)
            .optional()
            .describe('Display name; default: the name its build manifest declares, else the folder name'),
          kind: z
            .enum(APPLICATION_KINDS)
            .optional()
            .describe(
              'What it is, when the facts suggest otherwise: service, web, batch, mainframe, desktop or library',
            ),
          partOf: z
            .string()
            .min(1)
            .optional()
            .describe('Merge: the applications found in the folders matched belong to the application at this folder'),
          exclude: z
            .boolean()
            .optional()
            .describe(
              'The applications found in the folders matched are not applications; their files are listed outside every application',
            ),
          reason: z.string().optional().describe('Why, shown with an exclusion'),
          criticality: z
            .enum(CRITICALITIES)
            .optional()
            .describe(
              "What the business loses when it stops: mission-critical, business-critical, important or low; an inventory's sla.criticality wins",
            ),
          owner: z
            .string()
            .min(1)
            .optional()
            .describe('Who answers for it: a team or a person, shown on its page and in the CSV'),
        })
        .refine((entry) => !(entry.partOf && entry.exclude), {
          message: 'an entry either merges (partOf) or excludes, not both',
        }),
    )
    .default([])
    .describe(
      'Application boundaries: declare (a folder wins over the manifests inside it), name, merge (partOf) or exclude applications',
    ),
  inventories: z
    .array(
      z.union([
        z.string().min(1),
        z.strictObject({
          path: z.string().min(1).describe('Inventory file, relative to the working directory'),
          format: z
            .enum(['cmdb-csv'])
            .optional()
            .describe('Needed only for formats cloudready cannot recognise by their columns'),
          columns: CmdbColumns.optional().describe('For cmdb-csv: which column holds which host field'),
        }),
      ]),
    )
    .default([])
    .describe(
      'Inventory files to import in addition to those under inventory/ folders, relative to the working directory',
    ),
  rules: z
    .strictObject({
      packs: z.array(z.string()).default([]).describe('Folders of rule pack YAML files to add, relative to this file'),
      disable: z.array(z.string()).default([]).describe('Rule ids to turn off'),
      severity: z.record(z.string(), Severity).default({}).describe('Rule id → severity override'),
      ignore: z
        .array(
          z.strictObject({
            rule: z.string().optional().describe('Rule id, or a pack prefix such as networking/*; default: every rule'),
            paths: z
              .array(z.string())
              .min(1)
              .describe('gitignore-style patterns relative to the scanned root: evidence there does not count'),
            reason: z.string().optional(),
          }),
        )
        .default([])
        .describe('Per-path ignores: evidence in these files is reported as suppressed'),
    })
    .default({ packs: [], disable: [], severity: {}, ignore: [] }),
  scoring: ScoringModel.default(ScoringModel.parse({})).describe('The scoring model (docs/scoring.md)'),
  gate: GateConfig.default({ applications: {} }).describe(
    'CI gate thresholds (docs/ci.md); command-line options override the portfolio ones',
  ),
});
export type Config = z.infer<typeof Config>;

export const DEFAULT_CONFIG: Config = Config.parse({});
