/**
 * Every schema file qm has, in the order `qm schema` prints and writes them: ansokan.yaml, the
 * nine chapters, the shared definitions they refer to, and qm.config.yaml. The library exports
 * this list as `schemas` (what qm validates its normalised data with) and `editorSchemas` (what
 * `qm schema` writes: the same requirements, accepting the YAML as consultants write it).
 */
import { schemaFiles, type SchemaFile } from './registry.js';
import { editorSchema } from './editor.js';
import { configEditorSchema } from './config-editor.js';
import configSchema from '../../schemas/qm.config.schema.json' with { type: 'json' };

export const allSchemaFiles: SchemaFile[] = [...schemaFiles, { file: 'qm.config.schema.json', schema: configSchema }];

export const editorSchemaFiles: SchemaFile[] = allSchemaFiles.map((f) =>
  f.file === 'qm.config.schema.json' ? configEditorSchema(f) : editorSchema(f),
);
