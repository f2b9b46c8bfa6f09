import type { Import } from './source-facts.js';

/**
 * Public types of .NET namespaces that rules name, as code writes them (attributes without their
 * `Attribute` suffix too). A `using` brings a whole namespace in, so only the file's use of one of
 * its types says the namespace is used: `using System.Messaging;` left behind in a file that never
 * names a queue is no MSMQ. Namespaces not listed here always count.
 */
export const NAMESPACE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'System.Messaging': [
    'MessageQueue',
    'Message',
    'MessageQueueTransaction',
    'MessageQueueTransactionType',
    'MessageQueueException',
    'MessageQueueErrorCode',
    'MessageQueueAccessRights',
    'MessageQueuePermission',
    'MessageQueueCriteria',
    'MessageEnumerator',
    'MessagePriority',
    'MessageType',
    'XmlMessageFormatter',
    'BinaryMessageFormatter',
    'ActiveXMessageFormatter',
    'IMessageFormatter',
    'PeekCompletedEventArgs',
    'PeekCompletedEventHandler',
    'ReceiveCompletedEventArgs',
    'ReceiveCompletedEventHandler',
    'AccessControlList',
    'Trustee',
    'Cursor',
    'QueueAccessMode',
    'MessagePropertyFilter',
    'DefaultPropertiesToSend',
  ],
  'System.EnterpriseServices': [
    'ServicedComponent',
    'ContextUtil',
    'Transaction',
    'TransactionOption',
    'TransactionIsolationLevel',
    'AutoComplete',
    'ApplicationName',
    'ApplicationID',
    'ApplicationActivation',
    'ActivationOption',
    'ObjectPooling',
    'JustInTimeActivation',
    'ConstructionEnabled',
    'SecurityRole',
    'ComponentAccessControl',
    'ApplicationAccessControl',
    'EventClass',
    'EventTrackingEnabled',
    'ServiceConfig',
    'ServiceDomain',
    'SharedProperty',
    'SharedPropertyGroup',
    'SharedPropertyGroupManager',
    'RegistrationHelper',
    'SecurityCallContext',
    'Synchronization',
    'SynchronizationOption',
    'InterfaceQueuing',
    'ApplicationQueuing',
    'LoadBalancingSupported',
    'MustRunInClientContext',
    'PrivateComponent',
    'IPlaybackControl',
  ],
  'System.ServiceProcess': [
    'ServiceBase',
    'ServiceController',
    'ServiceControllerStatus',
    'ServiceControllerPermission',
    'ServiceInstaller',
    'ServiceProcessInstaller',
    'ServiceStartMode',
    'ServiceAccount',
    'ServiceType',
    'SessionChangeDescription',
    'SessionChangeReason',
    'PowerBroadcastStatus',
    'TimeoutException',
  ],
  'System.Runtime.Remoting.Channels': [
    'ChannelServices',
    'IChannel',
    'IChannelReceiver',
    'IChannelSender',
    'BinaryServerFormatterSinkProvider',
    'BinaryClientFormatterSinkProvider',
    'SoapServerFormatterSinkProvider',
    'SoapClientFormatterSinkProvider',
    'IServerChannelSinkProvider',
    'IClientChannelSinkProvider',
    'ChannelDataStore',
  ],
  'System.Runtime.Remoting.Channels.Tcp': ['TcpChannel', 'TcpServerChannel', 'TcpClientChannel'],
  'System.Runtime.Remoting.Channels.Http': ['HttpChannel', 'HttpServerChannel', 'HttpClientChannel'],
  'System.Runtime.Remoting.Channels.Ipc': ['IpcChannel', 'IpcServerChannel', 'IpcClientChannel'],
  'System.Runtime.Remoting.Lifetime': ['ILease', 'LeaseState', 'ClientSponsor', 'ISponsor', 'LifetimeServices'],
  'System.Runtime.Remoting.Activation': [
    'IActivator',
    'IConstructionCallMessage',
    'IConstructionReturnMessage',
    'UrlAttribute',
    'Url',
    'ActivatorLevel',
  ],
  'System.Runtime.Remoting.Proxies': ['RealProxy', 'ProxyAttribute', 'Proxy'],
  'Microsoft.Win32.TaskScheduler': [
    'TaskService',
    'TaskDefinition',
    'TaskFolder',
    'Task',
    'Trigger',
    'DailyTrigger',
    'WeeklyTrigger',
    'MonthlyTrigger',
    'TimeTrigger',
    'BootTrigger',
    'LogonTrigger',
    'IdleTrigger',
    'EventTrigger',
    'ExecAction',
    'TaskLogonType',
    'TaskInstancesPolicy',
    'RegisteredTask',
  ],
};

/**
 * Marks a C# `using` no use when the file never names what it brings in: an alias (`using Q =
 * System.Messaging.MessageQueue;`) that is never written, or a catalogued namespace none of whose
 * types appear. The words of the file, comments blanked and using lines left out, are read once.
 */
export function markUnusedUsings(imports: Import[], masked: string): void {
  const checked = imports.filter(
    (imported) => imported.alias !== undefined || (imported.wildcard && NAMESPACE_TYPES[imported.target]),
  );
  if (checked.length === 0) return;
  // One line each (bounded: a hostile file of unterminated `using` lines stays linear).
  const body = masked.replace(/^[ \t]*(global[ \t]+)?using\b[^;\n({]*;/gm, '');
  const words = new Set((body.match(/[A-Za-z_]\w*/g) ?? []).map((word) => word.replace(/(.)Attribute$/, '$1')));
  for (const imported of checked) {
    const names = imported.alias !== undefined ? [imported.alias] : NAMESPACE_TYPES[imported.target]!;
    if (!names.some((name) => words.has(name))) imported.unused = true;
  }
}
