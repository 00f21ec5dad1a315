import { ApiProperty } from '@nestjs/swagger';
import type { TransferRequest } from '@einlass/contracts';
import { IsInt, Min } from 'class-validator';

export class TransferDto implements TransferRequest {
  @ApiProperty() @IsInt() @Min(1) counterId: number;
}
