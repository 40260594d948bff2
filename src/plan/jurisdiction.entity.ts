import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A government whose documents we import (重庆市沙坪坝区). Units and leaders belong to one. */
@Entity('jurisdiction')
export class JurisdictionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text', unique: true })
  name: string;
}
