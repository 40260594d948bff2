import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('DocumentFile', { description: 'The original file a document was imported from (原件), as it was uploaded (POST /documents).' })
export class DocumentFileModel {
  @Field({ description: 'SHA-256 of the bytes, 64 hex digits: the document’s content hash (文件指纹).' })
  hash: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  size: number;

  @Field({ description: 'What the bytes were read as, by content: docx, doc, xlsx, html, text or prose (文件格式).' })
  format: string;

  @Field({ description: 'The name it was uploaded under (文件名).' })
  filename: string;

  @Field(() => String, { nullable: true, description: 'The account that uploaded it (上传人), by its name; null for the server’s shell. Readers of the audit trail only (ADMIN, OFFICE: audit.read).' })
  uploadedBy: string | null;

  @Field({ description: 'When it was first uploaded (上传时间, ISO 8601).' })
  uploadedAt: string;

  @Field({ description: 'Where to GET the original, byte for byte (下载原件): /documents/<Document id>/file.' })
  downloadUrl: string;
}
