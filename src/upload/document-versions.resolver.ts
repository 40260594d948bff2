import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadDocument } from '../document/document.loaders';
import { DocumentModel } from '../document/document.type';
import type { RequestContext } from '../graphql/context';
import { loadDocumentVersioning } from './document-file.loaders';
import { DocumentFileModel } from './document-file.type';

@Resolver(() => DocumentModel)
export class DocumentVersionsResolver {
  @FieldResolver(() => DocumentFileModel, { nullable: true, description: 'The original file (原件) when the document was uploaded through the API (POST /documents); null for one imported from the server’s shell.' })
  async file(@Root() document: DocumentModel, @Ctx() ctx: RequestContext): Promise<DocumentFileModel | null> {
    return (await loadDocumentVersioning(ctx, document.dbId)).file;
  }

  @FieldResolver(() => DocumentModel, { nullable: true, description: 'The earlier version this document corrects (被更正的版本), kept with its file; null for a first version.' })
  async supersedes(@Root() document: DocumentModel, @Ctx() ctx: RequestContext): Promise<DocumentModel | null> {
    const { supersedesId } = await loadDocumentVersioning(ctx, document.dbId);
    return supersedesId === null ? null : loadDocument(ctx, supersedesId);
  }

  @FieldResolver(() => DocumentModel, {
    nullable: true,
    description: 'The corrected version that replaced this document (更正版本): its tasks are the plan’s current ones. Null while this is the current version.',
  })
  async supersededBy(@Root() document: DocumentModel, @Ctx() ctx: RequestContext): Promise<DocumentModel | null> {
    const { supersededById } = await loadDocumentVersioning(ctx, document.dbId);
    return supersededById === null ? null : loadDocument(ctx, supersededById);
  }
}
