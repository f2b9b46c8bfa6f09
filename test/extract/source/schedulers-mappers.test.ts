import { describe, expect, it } from 'vitest';
import { extractContentFacts } from '../../../src/extract/source/index.js';
import { analyseText } from '../../../src/extract/source-text.js';

const content = (rel: string, text: string) => extractContentFacts(analyseText(rel, text));

describe('Control-M job definitions', () => {
  const xml = `<?xml version="1.0"?>
<DEFTABLE>
  <SMART_FOLDER FOLDER_NAME="PAY">
    <JOB JOBNAME="PAYLOAD" MEMNAME="PAYLD01" APPLICATION="PAYROLL" TIMEFROM="2200" WEEKDAYS="1,2,3,4,5">
      <OUTCOND NAME="PAYLOAD-OK" SIGN="+"/>
    </JOB>
    <JOB JOBNAME="PAYRUN" MEMNAME="PAYRUN" CYCLIC="1" INTERVAL="00015M">
      <INCOND NAME="PAYLOAD-OK" AND_OR="A"/>
    </JOB>
  </SMART_FOLDER>
</DEFTABLE>
`;
  it('jobs with their JCL member and schedule; conditions make one job follow another', async () => {
    const facts = await content('ctm/pay.xml', xml);
    expect(facts?.definitions.map((d) => [d.name, d.attributes.member, d.location.line])).toEqual([
      ['PAYLOAD', 'PAYLD01', 4],
      ['PAYRUN', 'PAYRUN', 7],
    ]);
    expect(facts?.entryPoints.map((e) => [e.unit, e.kind, e.detail])).toEqual([
      ['PAYLD01', 'scheduled', '1,2,3,4,5 from 22:00'],
      ['PAYRUN', 'scheduled', 'daily, cyclic every 15M'],
    ]);
    expect(facts?.references.map((r) => [r.from, r.kind, r.to])).toEqual([['PAYRUN', 'follows', 'PAYLD01']]);
  });

  it('malformed export: a problem with its line', async () => {
    const facts = await content('ctm/broken.xml', '<DEFTABLE>\n  <JOB JOBNAME="A">\n</DEFTABLE>\n');
    expect(facts?.problems[0]).toMatchObject({
      message: expect.stringContaining('malformed XML'),
      location: { file: 'ctm/broken.xml', line: 3 },
    });
  });
});

describe('scheduler definitions are recognised by content, whatever the file is called', () => {
  it('Control-M Automation API JSON: jobs with their folder, host and command, at their own line', async () => {
    const facts = await content(
      'ops/billing',
      `{
  "BILLING": {
    "Type": "Folder",
    "ControlmServer": "ctm-prod",
    "Nightly": { "Type": "Job:Command", "Command": "/opt/billing/nightly.sh", "Host": "aix-app01", "RunAs": "billing" },
    "Load": { "Type": "Job:z/OS:Member", "MemName": "BILLOAD", "MemLib": "PROD.JCL" }
  }
}`,
    );
    expect(facts?.language).toBe('control-m');
    expect(facts?.definitions.map((d) => [d.name, d.location.line, d.attributes])).toEqual([
      [
        'Nightly',
        5,
        { type: 'Command', folder: 'BILLING', host: 'aix-app01', runAs: 'billing', command: '/opt/billing/nightly.sh' },
      ],
      ['Load', 6, { type: 'z/OS:Member', folder: 'BILLING', member: 'BILLOAD', library: 'PROD.JCL' }],
    ]);
  });

  it('AutoSys JIL: several pairs on a line, and conditions that make a job follow another', async () => {
    const facts = await content(
      'scheduling/billing.jil',
      `/* billing jobs */
insert_job: BIL_NIGHTLY   job_type: CMD
command: /opt/billing/bin/nightly.sh
machine: aix-app01
start_times: "02:00"

insert_job: BIL_REPORT   job_type: CMD
command: /opt/billing/bin/report.sh --all
condition: s(BIL_NIGHTLY) & d(BIL_CLEANUP)
`,
    );
    expect(facts?.definitions.map((d) => [d.name, d.location.line, d.attributes])).toEqual([
      ['BIL_NIGHTLY', 2, { type: 'CMD', command: '/opt/billing/bin/nightly.sh', host: 'aix-app01', from: '02:00' }],
      ['BIL_REPORT', 7, { type: 'CMD', command: '/opt/billing/bin/report.sh --all' }],
    ]);
    expect(facts?.references.map((r) => [r.from, r.kind, r.to])).toEqual([
      ['BIL_REPORT', 'follows', 'BIL_NIGHTLY'],
      ['BIL_REPORT', 'follows', 'BIL_CLEANUP'],
    ]);
  });

  it('a Windows task: its name from the URI, the program, the account and the triggers', async () => {
    const facts = await content(
      'ops/tasks/BillingNightly',
      `<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.4" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo><URI>\\Billing\\BillingNightly</URI></RegistrationInfo>
  <Triggers><CalendarTrigger><StartBoundary>2024-01-01T02:00:00</StartBoundary></CalendarTrigger></Triggers>
  <Principals><Principal id="Author"><UserId>CORP\\svc-billing</UserId></Principal></Principals>
  <Actions Context="Author"><Exec><Command>C:\\Billing\\Nightly.exe</Command></Exec></Actions>
</Task>`,
    );
    expect(facts?.definitions).toEqual([
      {
        kind: 'scheduled-job',
        name: 'BillingNightly',
        attributes: { command: 'C:\\Billing\\Nightly.exe', runAs: 'CORP\\svc-billing', triggers: 'CalendarTrigger' },
        location: { file: 'ops/tasks/BillingNightly', line: 2, column: 1 },
      },
    ]);
  });

  it('a CA 7 listing without its panel title, and prose that only mentions jobs, are told apart', async () => {
    expect(
      (
        await content('scheduling/ljob.prn', ' JOB: BILNIGHT   SYSTEM: BILLING\n JCL: ID: 000  MEMBER: BILNIGHT\n')
      )?.definitions.map((d) => d.name),
    ).toEqual(['BILNIGHT']);
    expect(
      await content(
        'notes/runbook.txt',
        'JOB: restart the billing run when it fails.\ninsert_job is typed in the console.\n',
      ),
    ).toBeUndefined();
  });
});

describe('CA 7 job definition listings', () => {
  it('reads JOB, SYSTEM and JCL MEMBER from DB.1 listings', async () => {
    const listing = [
      '------------------------- CA-7 CPU JOB DEFINITION --------------------------',
      ' FUNCTION: LIST     (ADD,DELETE,DD,DELPRRN,FORMAT,LIST,UPD)',
      ' JOB: PAYWEEK',
      ' GENERAL: SYSTEM: PAYROLL  JOBNET:          OWNER: PAYOPS   UID: 0',
      ' JCL: ID: 145  MEMBER: PAYWK01  RELOAD: N  EXEC: Y  RETAIN-JCL: N',
      '------------------------- CA-7 CPU JOB DEFINITION --------------------------',
      ' JOB: PAYMONTH',
      ' GENERAL: SYSTEM:          JOBNET:          OWNER: PAYOPS',
      ' JCL: ID: 145  MEMBER: PAYMON01',
    ].join('\n');
    const facts = await content('ca7/payroll-jobs.txt', listing);
    expect(facts?.definitions.map((d) => [d.name, d.attributes])).toEqual([
      ['PAYWEEK', { system: 'PAYROLL', jclId: '145', member: 'PAYWK01' }],
      ['PAYMONTH', { jclId: '145', member: 'PAYMON01' }],
    ]);
    expect(facts?.entryPoints.map((e) => [e.unit, e.detail])).toEqual([
      ['PAYWK01', 'CA 7 system PAYROLL'],
      ['PAYMON01', 'CA 7'],
    ]);
  });

  it('ignores ordinary text files', async () => {
    expect(await content('notes/jobs.txt', 'JOB: this is just a note')).toBeUndefined();
  });
});

describe('MyBatis and iBATIS mappers', () => {
  it('tables each statement reads and writes, attributed to the mapper interface', async () => {
    const mapper = `<?xml version="1.0"?>
<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
<mapper namespace="com.acme.orders.OrderMapper">
  <select id="find" resultType="Order">
    SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id
    <where><if test="id != null">o.id = #{id}</if></where>
  </select>
  <insert id="save"><![CDATA[ INSERT INTO order_audit (order_id) VALUES (#{id}) ]]></insert>
</mapper>
`;
    const facts = await content('src/main/resources/OrderMapper.xml', mapper);
    expect(facts?.dataAccess.map((d) => [d.unit, d.target, d.mode, d.via, d.location.line])).toEqual([
      ['com.acme.orders.OrderMapper', 'ORDERS', 'read', 'mybatis', 4],
      ['com.acme.orders.OrderMapper', 'CUSTOMERS', 'read', 'mybatis', 4],
      ['com.acme.orders.OrderMapper', 'ORDER_AUDIT', 'write', 'mybatis', 8],
    ]);
  });
});
