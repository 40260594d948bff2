import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ViewerRole {
  ADMIN = 'ADMIN',
  OFFICE = 'OFFICE',
  UNIT = 'UNIT',
  LEADER = 'LEADER',
  READER = 'READER',
  ANONYMOUS = 'ANONYMOUS',
}
registerEnumType(ViewerRole, {
  name: 'ViewerRole',
  description: 'The role the request acts in: an account’s role, or ANONYMOUS without a credential.',
  valuesConfig: {
    ADMIN: { description: 'Runs the installation (系统管理员).' },
    OFFICE: { description: 'The supervision office (督查办).' },
    UNIT: { description: 'A responsible unit’s liaison (承办单位联络员).' },
    LEADER: { description: 'A responsible district leader (责任区领导).' },
    READER: { description: 'A read-only consumer.' },
    ANONYMOUS: { description: 'No credential was sent (reads only, while anonymous reads are on).' },
  },
});

export enum AuthenticationMethod {
  API_KEY = 'API_KEY',
  OIDC = 'OIDC',
  NONE = 'NONE',
}
registerEnumType(AuthenticationMethod, {
  name: 'AuthenticationMethod',
  description: 'How the request proved who it is.',
  valuesConfig: {
    API_KEY: { description: 'An API key (Authorization: Bearer duban_…).' },
    OIDC: { description: 'A token of the identity provider (OIDC / JWT).' },
    NONE: { description: 'Nothing: an anonymous request.' },
  },
});

@ObjectType('Viewer', { description: 'Who is asking, as the server sees the request’s credential; the policy decides from this.' })
export class ViewerModel {
  accountId: number | null;
  unitId: number | null;
  leaderId: number | null;

  @Field(() => ViewerRole, { description: 'The role the request acts in.' })
  role: ViewerRole;

  @Field(() => AuthenticationMethod, { description: 'How the request proved who it is.' })
  authenticatedBy: AuthenticationMethod;

  @Field(() => String, { nullable: true, description: 'The API key used, by its public prefix.' })
  keyPrefix: string | null;

  @Field(() => [String], { description: 'The policy actions this viewer may take on something (README “Policy”); what it may do to one task or document is `viewerCan` there.' })
  actions: string[];
}

@ObjectType('TaskPermissions', { description: 'What the viewer may do to this task, from the one policy (so a frontend never re-implements the rules).' })
export class TaskPermissions {
  @Field({ description: 'Sign for the task for one’s unit (签收): a unit that leads or co-operates on it.' })
  acknowledge: boolean;

  @Field({ description: 'Ask for its deadline to be moved (延期申请) or withdraw that request: a unit that leads it. Whether a request is possible now (before the deadline, none pending, not closed) is the mutation’s answer.' })
  requestExtension: boolean;

  @Field({ description: 'Approve or refuse its extension requests (延期审批): the office of its district, or an administrator.' })
  decideExtension: boolean;

  @Field({ description: 'Close it (办结/销号) or reopen it: the office of its district, or an administrator.' })
  close: boolean;
}

@ObjectType('DocumentPermissions', { description: 'What the viewer may do with this document’s plan, from the one policy.' })
export class DocumentPermissions {
  @Field({ description: 'Import documents into this document’s plan (a corrected version, a progress report): the office of its district, or an administrator.' })
  import: boolean;
}
