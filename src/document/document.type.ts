import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';
import { DocumentKind } from './document-kind';

export interface DocumentRow {
  id: number;
  plan_id: number;
  kind: DocumentKind;
  title: string;
  number: string | null;
  issuer: string | null;
  issued_on: string | null;
  year: number;
  period: string | null;
  file_name: string;
  imported_at: Date;
}

@ObjectType('Document', { implements: Node, description: 'An imported source document: a task breakdown (任务分解表) or a progress report (推进情况报告).' })
export class DocumentModel extends Node {
  readonly __typename = 'Document';
  dbId: number;
  planId: number;

  @Field(() => DocumentKind, { description: 'Plan or progress report.' })
  kind: DocumentKind;

  @Field({ description: 'Title as printed (关于印发2024年区政府工作报告目标任务的通知).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Document number (文号, e.g. 沙府办发〔2024〕6号) or bulletin issue (第15期).' })
  number: string | null;

  @Field(() => String, { nullable: true, description: 'Issuing office (发文机关).' })
  issuer: string | null;

  @Field(() => String, { nullable: true, description: 'Date of issue, ISO 8601 (2024-02-02).' })
  date: string | null;

  @Field(() => Int, { description: 'Year the document is about.' })
  year: number;

  @Field(() => String, { nullable: true, description: 'Reporting period of a progress report (2021-Q1); null for plans.' })
  period: string | null;

  @Field({ description: 'File the document was imported from.' })
  fileName: string;

  @Field({ description: 'When it was imported (ISO 8601).' })
  importedAt: string;

  static fromRow(row: DocumentRow): DocumentModel {
    return Object.assign(new DocumentModel(), {
      dbId: row.id,
      planId: row.plan_id,
      kind: row.kind,
      title: row.title,
      number: row.number,
      issuer: row.issuer,
      date: row.issued_on,
      year: row.year,
      period: row.period,
      fileName: row.file_name.split(/[\\/]/).pop()!,
      importedAt: new Date(row.imported_at).toISOString(),
    });
  }
}
