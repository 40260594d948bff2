import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ImportWarning', {
  description:
    'Something the importer noticed while reading a document and imported anyway (导入提示): a row that lost its 序号 cell, a wrapped unit name it joined, a unit not in the registry, a check the user overrode.',
})
export class ImportWarningModel {
  @Field(() => Int, { description: 'Line of the source file (1-based) the warning is about.' })
  line: number;

  @Field({ description: 'What was noticed and how it was read, in the words of the import report.' })
  message: string;
}
