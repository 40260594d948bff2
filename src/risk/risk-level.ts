/** A supervision light (红黄绿灯). */
export enum RiskLevel {
  RED = 'RED',
  YELLOW = 'YELLOW',
  GREEN = 'GREEN',
  UNKNOWN = 'UNKNOWN',
}
