import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { loadImportNotes } from './document-import.loaders';
import { DocumentModel } from './document.type';
import { ImportWarningModel } from './import-warning.type';

@Resolver(() => DocumentModel)
export class DocumentFieldsResolver {
  @FieldResolver(() => [ImportWarningModel], {
    description: 'Warnings of the import (导入提示), in line order, exactly as the import printed them: how something was read (a row that lost its 序号 cell, a wrapped unit name joined), never something wrong.',
  })
  async warnings(@Root() document: DocumentModel, @Ctx() ctx: RequestContext): Promise<ImportWarningModel[]> {
    return (await loadImportNotes(ctx, document.dbId)).warnings;
  }

  @FieldResolver(() => [String], {
    description: 'Named checks the import was told to let through for this document (--allow stated-count …), e.g. a stated count (137项) that is a typo. Empty for a regular document.',
  })
  async allowedChecks(@Root() document: DocumentModel, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await loadImportNotes(ctx, document.dbId)).allowedChecks;
  }
}
