import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_DEFINITION } from '../../lambda/store/table.js';

/** DynamoDB attribute type codes as the store writes them, mapped to CDK's enum. */
const ATTRIBUTE_TYPES = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY } as const;

export interface TalksTableProps {
  /** RETAIN also turns on deletion protection, so the articles and facts survive a mistaken delete. */
  readonly removalPolicy: RemovalPolicy;
}

/** The single DynamoDB table holding articles, facts and the precomputed views commands read. */
export class TalksTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: TalksTableProps) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      // The key schema is the store's (lambda/store/table.ts): one definition for ensureTable and the stack.
      partitionKey: {
        name: TABLE_DEFINITION.partitionKey.name,
        type: ATTRIBUTE_TYPES[TABLE_DEFINITION.partitionKey.type],
      },
      sortKey: { name: TABLE_DEFINITION.sortKey.name, type: ATTRIBUTE_TYPES[TABLE_DEFINITION.sortKey.type] },
      // Traffic is a handful of commands and occasional ingests: on-demand costs nothing when idle.
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy: props.removalPolicy,
    });
  }
}
