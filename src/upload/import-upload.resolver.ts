import { Arg, Ctx, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { loadDocument } from '../document/document.loaders';
import { DocumentModel } from '../document/document.type';
import type { RequestContext } from '../graphql/context';
import { idOf } from '../graphql/id-input';
import type { CheckName } from '../import/model/check-names';
import { MutationPayload } from '../mutation/payload.type';
import { importUpload } from './import-upload.mutation';
import { ImportUploadInput } from './import-upload.inputs';

@ObjectType('ImportUploadPayload', { description: 'The answer to importUpload.' })
export class ImportUploadPayload extends MutationPayload {
  documentId: number | null;
}

@Resolver()
export class ImportUploadResolver {
  @Mutation(() => ImportUploadPayload, {
    description: 'Imports a previewed upload (确认导入) by its content hash, all or nothing: OFFICE accounts for their district’s documents, ADMIN for any.',
  })
  async importUpload(@Arg('input', () => ImportUploadInput, { description: 'What to do (one input object, Relay style).' }) input: ImportUploadInput, @Ctx() ctx: RequestContext): Promise<ImportUploadPayload> {
    const payload = await importUpload(ctx, {
      hash: input.hash,
      allow: (input.allow ?? []).map((check) => check.toLowerCase().replace(/_/g, '-') as CheckName),
      jurisdiction: input.jurisdiction?.trim() || null,
      supersedes: input.supersedes == null ? null : idOf('Document', input.supersedes, 'supersedes'),
      idempotencyKey: input.idempotencyKey,
    });
    return Object.assign(new ImportUploadPayload(), payload);
  }
}

@Resolver(() => ImportUploadPayload)
export class ImportUploadPayloadFieldsResolver {
  @FieldResolver(() => DocumentModel, { nullable: true, description: 'The imported document; null when refused.' })
  document(@Root() payload: ImportUploadPayload, @Ctx() ctx: RequestContext): Promise<DocumentModel> | null {
    return payload.documentId == null ? null : loadDocument(ctx, payload.documentId);
  }
}
