// Run with tsx (dt-sql-parser ships ESM with extensionless imports, which jest cannot load):
// reads SQL statements as a JSON array on stdin, prints the SparkSQL syntax errors of each.
import { SparkSQL } from 'dt-sql-parser';

let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const parser = new SparkSQL();
  const statements = JSON.parse(input) as string[];
  process.stdout.write(JSON.stringify(statements.map((s) => parser.validate(s).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`))));
});
