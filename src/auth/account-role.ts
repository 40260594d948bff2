/**
 * Who an account speaks for. The roles of a supervision system (督查督办):
 * the office that supervises, the units that carry tasks out, the leaders
 * responsible for them, and consumers that only read.
 */
export enum AccountRole {
  /** Runs the installation: accounts and keys (系统管理员). */
  ADMIN = 'ADMIN',
  /** The supervision office (督查办: 督查员, 督办主任). */
  OFFICE = 'OFFICE',
  /** A responsible unit's liaison (承办单位联络员), acting for one unit. */
  UNIT = 'UNIT',
  /** A responsible district leader (责任区领导), acting for one leader. */
  LEADER = 'LEADER',
  /** A read-only consumer: a dashboard, an integration. */
  READER = 'READER',
}
