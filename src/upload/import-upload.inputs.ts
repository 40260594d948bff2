import { Field, ID, InputType } from 'type-graphql';
import { ImportCheck } from '../document/import-check.enum';

@InputType('ImportUploadInput', { description: 'Import a previewed upload (导入已上传的文件) by its content hash, as POST /documents answered it.' })
export class ImportUploadInput {
  @Field({ description: 'The upload’s SHA-256, 64 hex digits (`upload.hash` of POST /documents).' })
  hash: string;

  @Field(() => [ImportCheck], { nullable: true, description: 'Named checks to let through for this document (--allow), each recorded on the document with every finding it let through.' })
  allow?: ImportCheck[] | null;

  @Field(() => String, { nullable: true, description: 'The jurisdiction (辖区) of a document that names none (--jurisdiction): 重庆市沙坪坝区, or 沙坪坝区 for a reviewed one.' })
  jurisdiction?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The document this one corrects (更正版本, Document.id): the current version of the same plan. Its tasks are rewritten in place; it stays, with its file, as Document.supersededBy says.',
  })
  supersedes?: string | null;

  @Field(() => String, { nullable: true, description: 'Optional: a key of your choosing (1–200 characters). Sending the same key and input again returns the first answer instead of acting twice.' })
  idempotencyKey?: string | null;
}
