import { Module } from '@nestjs/common';
import { ConcernsRepository } from './concerns.repository.js';
import { ConcernsService } from './concerns.service.js';

@Module({ providers: [ConcernsRepository, ConcernsService], exports: [ConcernsService] })
export class ConcernsModule {}
