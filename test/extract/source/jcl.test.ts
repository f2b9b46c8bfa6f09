import { describe, expect, it } from 'vitest';
import { factsOf } from './analyse.js';

const JOB = [
  "//PAYRUN   JOB (ACC),'PAYROLL',CLASS=A,",
  '//             MSGCLASS=X                 comment after operands',
  '//* STEP0 EXEC PGM=OLDPGM (commented out)',
  "//STEP1    EXEC PGM=PAYCALC,PARM='A,B',",
  '//             REGION=0M',
  '//INPUT    DD DSN=PAY.MASTER,DISP=SHR',
  '//         DD DSN=PAY.ADJUST(0),DISP=SHR',
  '//OUTPUT   DD DSN=PAY.RESULT(+1),DISP=(NEW,CATLG,DELETE),',
  '//             SPACE=(CYL,(10,5))',
  '//TEMP     DD DSN=&&WORK,DISP=(NEW,PASS)',
  '//SYSIN    DD *',
  '// THIS LOOKS LIKE JCL BUT IS DATA? NO: // ENDS IN-STREAM DATA',
  '//STEP2    EXEC PGM=IKJEFT01',
  '//SYSTSIN  DD *',
  '  DSN SYSTEM(DB2P)',
  '  RUN PROGRAM(PAYPOST) PLAN(PAYPLAN)',
  '/*',
  "//STEP3    EXEC PGM=DFSRRC00,PARM='DLI,PAYIMS,PAYPSB'",
  '//STEP4    EXEC PAYPROC',
  '//STEP5    EXEC PGM=IDCAMS',
  '//SYSIN    DD *',
  '  DEFINE CLUSTER (NAME(PAY.INDEX.KSDS) -',
  '         INDEXED KEYS(8 0))',
  '/*',
].join('\r\n');

describe('JCL extractor', () => {
  it('reads the job, continued statements, and steps with programs, utilities and procedures', async () => {
    const facts = await factsOf('jcl/PAYRUN.jcl', JOB);
    expect(facts.units.map((u) => [u.id, u.kind])).toEqual([['PAYRUN', 'job']]);
    expect(facts.jobSteps.map(({ location, ...step }) => [step, location.line])).toEqual([
      [{ job: 'PAYRUN', step: 'STEP1', program: 'PAYCALC' }, 4],
      [{ job: 'PAYRUN', step: 'STEP2', utility: 'IKJEFT01', program: 'PAYPOST' }, 13],
      [{ job: 'PAYRUN', step: 'STEP3', utility: 'DFSRRC00', program: 'PAYIMS' }, 18],
      [{ job: 'PAYRUN', step: 'STEP4', procedure: 'PAYPROC' }, 19],
      [{ job: 'PAYRUN', step: 'STEP5', utility: 'IDCAMS' }, 20],
    ]);
    expect(facts.references.map((r) => r.to)).toEqual(['PAYCALC', 'PAYPOST', 'PAYIMS', 'PAYPROC']);
    expect(JSON.stringify(facts)).not.toContain('OLDPGM');
  });

  it('reads datasets: dispositions, GDG generations, concatenations; temporary datasets skipped', async () => {
    const facts = await factsOf('jcl/PAYRUN.jcl', JOB);
    expect(facts.datasets.map((d) => [d.step, d.dd, d.dsn, d.disposition, d.generation, d.mode])).toEqual([
      ['STEP1', 'INPUT', 'PAY.MASTER', 'SHR', undefined, 'read'],
      ['STEP1', 'INPUT', 'PAY.ADJUST', 'SHR', '0', 'read'],
      ['STEP1', 'OUTPUT', 'PAY.RESULT', 'NEW,CATLG,DELETE', '+1', 'write'],
      ['STEP5', 'SYSIN', 'PAY.INDEX.KSDS', 'DEFINE CLUSTER', undefined, 'write'],
    ]);
  });
});
