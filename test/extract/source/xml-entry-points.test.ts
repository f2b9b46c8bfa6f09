import { describe, expect, it } from 'vitest';
import { extractContentFacts } from '../../../src/extract/source/index.js';
import { analyseText } from '../../../src/extract/source-text.js';

const entriesOf = async (file: string, text: string) => {
  const facts = await extractContentFacts(analyseText(file, text, undefined));
  return facts?.entryPoints.map((entry) => [entry.unit, entry.kind, entry.detail, entry.location.line]);
};

describe('entry points and entity mappings declared in XML', () => {
  it('reads web.xml servlets with the URL patterns of their mappings', async () => {
    const webXml = `<?xml version="1.0" encoding="UTF-8"?>
<web-app xmlns="http://xmlns.jcp.org/xml/ns/javaee" version="3.1">
  <servlet>
    <servlet-name>orders</servlet-name>
    <servlet-class>com.acme.web.OrderServlet</servlet-class>
  </servlet>
  <servlet>
    <servlet-name>index</servlet-name>
    <jsp-file>/index.jsp</jsp-file>
  </servlet>
  <servlet-mapping>
    <servlet-name>orders</servlet-name>
    <url-pattern>/orders/*</url-pattern>
    <url-pattern>/order</url-pattern>
  </servlet-mapping>
</web-app>
`;
    expect(await entriesOf('src/main/webapp/WEB-INF/web.xml', webXml)).toEqual([
      ['com.acme.web.OrderServlet', 'servlet', '/orders/*, /order', 3],
    ]);
  });

  it('reads Struts 1 and Struts 2 actions', async () => {
    const struts1 =
      '<struts-config>\n  <action-mappings>\n    <action path="/login" type="com.acme.struts.LoginAction" name="loginForm"/>\n  </action-mappings>\n</struts-config>\n';
    expect(await entriesOf('WEB-INF/struts-config.xml', struts1)).toEqual([
      ['com.acme.struts.LoginAction', 'http-route', '/login', 3],
    ]);
    const struts2 =
      '<struts>\n  <package name="admin" namespace="/roller-ui/admin" extends="weblogger">\n    <action name="globalConfig!*" method="{1}" class="org.apache.roller.ui.admin.GlobalConfig">\n      <result>.GlobalConfig</result>\n    </action>\n  </package>\n</struts>\n';
    expect(await entriesOf('src/main/resources/struts.xml', struts2)).toEqual([
      ['org.apache.roller.ui.admin.GlobalConfig', 'http-route', '/globalConfig!*', 3],
    ]);
  });

  it('reads Spring MVC controllers mapped by bean name or by a SimpleUrlHandlerMapping', async () => {
    const spring = `<beans>
  <bean name="/owners.htm /owner.htm" class="org.acme.petclinic.web.OwnerController"/>
  <bean id="vetController" class="org.acme.petclinic.web.VetController"/>
  <bean class="org.springframework.web.servlet.handler.SimpleUrlHandlerMapping">
    <property name="mappings">
      <props>
        <prop key="/vets.htm">vetController</prop>
        <prop key="/missing.htm">noSuchBean</prop>
      </props>
    </property>
  </bean>
</beans>
`;
    expect(await entriesOf('WEB-INF/petclinic-servlet.xml', spring)).toEqual([
      ['org.acme.petclinic.web.OwnerController', 'http-route', '/owners.htm, /owner.htm', 2],
      ['org.acme.petclinic.web.VetController', 'http-route', '/vets.htm', 4],
    ]);
  });

  it('reads nothing from malformed XML (the configuration reader reports it, once)', async () => {
    const facts = await extractContentFacts(
      analyseText(
        'WEB-INF/web.xml',
        '<web-app>\n  <servlet>\n    <servlet-class>com.acme.A</servlet-class>\n</web-app>\n',
        undefined,
      ),
    );
    expect(facts?.entryPoints).toEqual([]);
    expect(facts?.problems).toEqual([]);
  });

  it('maps entities declared in JPA orm.xml and Hibernate hbm.xml to their tables', async () => {
    const orm =
      '<entity-mappings version="2.0">\n  <package>org.apache.roller.weblogger.pojos</package>\n  <entity name="MediaFile" class="org.apache.roller.weblogger.pojos.MediaFile">\n    <table name="roller_mediafile"/>\n  </entity>\n  <entity class="Weblog"/>\n</entity-mappings>\n';
    const ormFacts = await extractContentFacts(analyseText('src/main/resources/MediaFile.orm.xml', orm, undefined));
    expect(ormFacts?.definitions.map((d) => [d.kind, d.name, d.attributes.table, d.location.line])).toEqual([
      ['entity', 'org.apache.roller.weblogger.pojos.MediaFile', 'ROLLER_MEDIAFILE', 3],
      ['entity', 'org.apache.roller.weblogger.pojos.Weblog', 'WEBLOG', 6],
    ]);
    const hbm =
      '<hibernate-mapping package="com.acme.billing">\n  <class name="Invoice" table="INVOICES">\n    <id name="id"/>\n  </class>\n</hibernate-mapping>\n';
    const hbmFacts = await extractContentFacts(analyseText('src/main/resources/Invoice.hbm.xml', hbm, undefined));
    expect(hbmFacts?.definitions.map((d) => [d.name, d.attributes.table, d.location.line])).toEqual([
      ['com.acme.billing.Invoice', 'INVOICES', 2],
    ]);
  });
});
